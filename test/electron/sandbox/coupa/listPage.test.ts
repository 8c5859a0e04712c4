import { describe, expect, it } from 'vitest'
import { columnText, listPage, parseListParameters, readJsonPath } from '../../../../electron/sandbox/coupa/coupaQuery'

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

  it('answers the same from a kept column of text as from reading each record, blanks and numbers included, and reads no record for it', () => {
    const mixed = records.map((record, index) => ({ ...record, login: index % 9 === 0 ? null : index % 11 === 0 ? '' : record.login, number: index * 7 }))
    const columns = new Map(['login', 'number'].map((key) => [key, mixed.map((record) => columnText(record[key as 'login' | 'number']))]))
    const fromColumns = (path: readonly string[]) => (path.length === 1 ? columns.get(path[0]!) : undefined)
    let reads = 0
    const counting = (record: (typeof mixed)[number], path: string[]) => {
      reads++
      return readJsonPath(record, path)
    }
    const queries = ['login[contains]=A', 'login[starts_with]=dana.3', 'login[ends_with]=.1', 'number[contains]=77', 'number[starts_with]=1', 'login[contains]=zz']
    for (const query of queries) {
      for (const tail of ['', '&offset=20', '&order_by=login&dir=desc']) {
        const parameters = parseListParameters(new URLSearchParams(query + tail))
        const expected = listPage(mixed, parameters, (record, path) => readJsonPath(record, path))
        reads = 0
        expect(listPage(mixed, parameters, counting, fromColumns), query + tail).toEqual(expected)
        // Ordering reads its key from the records; filtering alone reads none.
        if (tail !== '&order_by=login&dir=desc') expect(reads, query + tail).toBe(0)
      }
    }
    expect(listPage(mixed, parseListParameters(new URLSearchParams('login[contains]=ada')), counting).length).toBeGreaterThan(0)
  })
})
