import { describe, expect, it } from 'vitest'
import { listPage, parseListParameters, readJsonPath } from '../../../../electron/sandbox/coupa/coupaQuery'

/** Records like the users list's, with logins and names that repeat their beginnings. */
const records = Array.from({ length: 700 }, (_, index) => ({
  id: index + 1,
  login: `${['ada', 'alan', 'grace', 'dana', 'ken'][index % 5]}.${index % 37}`,
  firstname: ['Ada', 'Alan', 'Grace', 'Dana', 'Ken', 'Dan'][index % 6],
  active: index % 4 !== 0,
}))
const read = (record: (typeof records)[number], path: string[]) => readJsonPath(record, path)

describe('Coupa sandbox: a filtered page in id order', () => {
  it('is what filtering every record and slicing answers (the ordered path), for broad, narrow and empty filters at any offset', () => {
    const queries = ['login[contains]=a', 'login[contains]=dana.3', 'login[contains]=zz', 'firstname[starts_with]=Da&active=true', 'active=false', 'login=ken.4']
    for (const query of queries) {
      for (const offset of [0, 1, 49, 50, 137, 650]) {
        for (const limit of [1, 50]) {
          const parameters = parseListParameters(new URLSearchParams(`${query}&offset=${offset}&limit=${limit}`))
          // Ordered by id, the list filters every record, orders and slices, as every filtered list did.
          const scanned = listPage(records, { ...parameters, orderBy: 'id' }, read)
          expect(listPage(records, parameters, read), `${query} offset ${offset} limit ${limit}`).toEqual(scanned)
        }
      }
    }
  })

  it('stops reading once its page is full', () => {
    let reads = 0
    const counting = (record: (typeof records)[number], path: string[]) => {
      reads++
      return readJsonPath(record, path)
    }
    expect(listPage(records, parseListParameters(new URLSearchParams('login[contains]=a&limit=50')), counting)).toHaveLength(50)
    expect(reads).toBeLessThan(100)
  })
})
