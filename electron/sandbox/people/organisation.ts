/** The generated company: departments, titles, offices and the cross-cutting groups. */

export interface Department {
  name: string
  division: string
  costCentre: string
  /** Relative headcount. */
  weight: number
  titles: readonly string[]
  managerTitle: string
}

export const departments: readonly Department[] = [
  { name: 'Engineering', division: 'Technology', costCentre: 'CC-1100', weight: 22, titles: ['Software Engineer', 'Senior Software Engineer', 'Staff Engineer', 'QA Engineer', 'Site Reliability Engineer'], managerTitle: 'Engineering Manager' },
  { name: 'Product', division: 'Technology', costCentre: 'CC-1200', weight: 6, titles: ['Product Manager', 'Senior Product Manager', 'Product Analyst'], managerTitle: 'Group Product Manager' },
  { name: 'Design', division: 'Technology', costCentre: 'CC-1300', weight: 4, titles: ['Product Designer', 'UX Researcher', 'Content Designer'], managerTitle: 'Design Manager' },
  { name: 'IT', division: 'Technology', costCentre: 'CC-1400', weight: 5, titles: ['IT Support Analyst', 'Systems Administrator', 'Identity Engineer', 'Help Desk Technician'], managerTitle: 'IT Manager' },
  { name: 'Sales', division: 'Commercial', costCentre: 'CC-2100', weight: 14, titles: ['Account Executive', 'Sales Development Representative', 'Solutions Engineer'], managerTitle: 'Sales Manager' },
  { name: 'Marketing', division: 'Commercial', costCentre: 'CC-2200', weight: 7, titles: ['Marketing Specialist', 'Content Strategist', 'Growth Marketer', 'Events Coordinator'], managerTitle: 'Marketing Manager' },
  { name: 'Customer Success', division: 'Commercial', costCentre: 'CC-2300', weight: 8, titles: ['Customer Success Manager', 'Onboarding Specialist', 'Renewals Specialist'], managerTitle: 'Customer Success Lead' },
  { name: 'Support', division: 'Operations', costCentre: 'CC-3100', weight: 10, titles: ['Support Engineer', 'Support Specialist', 'Technical Account Manager'], managerTitle: 'Support Manager' },
  { name: 'Operations', division: 'Operations', costCentre: 'CC-3200', weight: 6, titles: ['Operations Analyst', 'Facilities Coordinator', 'Procurement Specialist'], managerTitle: 'Operations Manager' },
  { name: 'Finance', division: 'Corporate', costCentre: 'CC-4100', weight: 6, titles: ['Financial Analyst', 'Accountant', 'Payroll Specialist', 'Accounts Payable Clerk'], managerTitle: 'Finance Manager' },
  { name: 'Legal', division: 'Corporate', costCentre: 'CC-4200', weight: 3, titles: ['Legal Counsel', 'Paralegal', 'Compliance Analyst'], managerTitle: 'Senior Counsel' },
  { name: 'People', division: 'Corporate', costCentre: 'CC-4300', weight: 5, titles: ['People Partner', 'Recruiter', 'Learning Specialist'], managerTitle: 'People Manager' },
]

export interface Office {
  city: string
  state: string
  country: string
  timeZone: string
  locale: string
  phonePrefix: string
  /** `#` is replaced by a digit, `A` by a letter. */
  postcodePattern: string
  weight: number
}

export const offices: readonly Office[] = [
  { city: 'San Francisco', state: 'CA', country: 'US', timeZone: 'America/Los_Angeles', locale: 'en_US', phonePrefix: '+1 415', postcodePattern: '941##', weight: 16 },
  { city: 'New York', state: 'NY', country: 'US', timeZone: 'America/New_York', locale: 'en_US', phonePrefix: '+1 212', postcodePattern: '100##', weight: 14 },
  { city: 'Austin', state: 'TX', country: 'US', timeZone: 'America/Chicago', locale: 'en_US', phonePrefix: '+1 512', postcodePattern: '787##', weight: 8 },
  { city: 'Denver', state: 'CO', country: 'US', timeZone: 'America/Denver', locale: 'en_US', phonePrefix: '+1 303', postcodePattern: '802##', weight: 5 },
  { city: 'Toronto', state: 'ON', country: 'CA', timeZone: 'America/Toronto', locale: 'en_CA', phonePrefix: '+1 416', postcodePattern: 'M#A #A#', weight: 6 },
  { city: 'London', state: 'England', country: 'GB', timeZone: 'Europe/London', locale: 'en_GB', phonePrefix: '+44 20', postcodePattern: 'EC#A #AA', weight: 12 },
  { city: 'Dublin', state: 'Leinster', country: 'IE', timeZone: 'Europe/Dublin', locale: 'en_IE', phonePrefix: '+353 1', postcodePattern: 'D0# A#A#', weight: 5 },
  { city: 'Berlin', state: 'Berlin', country: 'DE', timeZone: 'Europe/Berlin', locale: 'de_DE', phonePrefix: '+49 30', postcodePattern: '10###', weight: 6 },
  { city: 'Paris', state: 'Île-de-France', country: 'FR', timeZone: 'Europe/Paris', locale: 'fr_FR', phonePrefix: '+33 1', postcodePattern: '750##', weight: 5 },
  { city: 'Madrid', state: 'Madrid', country: 'ES', timeZone: 'Europe/Madrid', locale: 'es_ES', phonePrefix: '+34 91', postcodePattern: '280##', weight: 3 },
  { city: 'Stockholm', state: 'Stockholm', country: 'SE', timeZone: 'Europe/Stockholm', locale: 'sv_SE', phonePrefix: '+46 8', postcodePattern: '1## ##', weight: 3 },
  { city: 'Bengaluru', state: 'Karnataka', country: 'IN', timeZone: 'Asia/Kolkata', locale: 'en_IN', phonePrefix: '+91 80', postcodePattern: '560###', weight: 8 },
  { city: 'Singapore', state: 'Singapore', country: 'SG', timeZone: 'Asia/Singapore', locale: 'en_SG', phonePrefix: '+65 6', postcodePattern: '0#####', weight: 4 },
  { city: 'Tokyo', state: 'Tokyo', country: 'JP', timeZone: 'Asia/Tokyo', locale: 'ja_JP', phonePrefix: '+81 3', postcodePattern: '1##-####', weight: 4 },
  { city: 'Sydney', state: 'NSW', country: 'AU', timeZone: 'Australia/Sydney', locale: 'en_AU', phonePrefix: '+61 2', postcodePattern: '2###', weight: 4 },
  { city: 'São Paulo', state: 'SP', country: 'BR', timeZone: 'America/Sao_Paulo', locale: 'pt_BR', phonePrefix: '+55 11', postcodePattern: '0####-###', weight: 3 },
  { city: 'Nairobi', state: 'Nairobi', country: 'KE', timeZone: 'Africa/Nairobi', locale: 'en_KE', phonePrefix: '+254 20', postcodePattern: '00###', weight: 2 },
]

export const streetNames: readonly string[] = [
  'Market Street', 'Oak Avenue', 'High Street', 'Station Road', 'Elm Street', 'Maple Drive', 'Church Lane',
  'King Street', 'Queen Street', 'Harbour Road', 'Park Avenue', 'Mill Lane', 'Victoria Road', 'Cedar Court',
  'Hauptstraße', 'Rue de la Paix', 'Calle Mayor', 'Via Roma', 'Rua Augusta', 'Sakura Dori',
]

export type PersonPredicate = (person: { department: string; employmentType: string; hasReports: boolean }) => boolean

export interface CrossCuttingGroup {
  name: string
  description: string
  /** `directory` groups come from an external directory (an Okta APP_GROUP, for instance). */
  kind: 'team' | 'directory'
  eligible: PersonPredicate
}

const anyone: PersonPredicate = () => true

export const crossCuttingGroups: readonly CrossCuttingGroup[] = [
  { name: 'VPN Users', description: 'People allowed on the corporate VPN', kind: 'team', eligible: anyone },
  { name: 'Finance Approvers', description: 'Can approve purchases and expenses', kind: 'team', eligible: (p) => p.department === 'Finance' || p.hasReports },
  { name: 'All Contractors', description: 'Everyone on a contractor agreement', kind: 'team', eligible: (p) => p.employmentType === 'Contractor' },
  { name: 'Remote Workers', description: 'People working mostly from home', kind: 'team', eligible: anyone },
  { name: 'Security Champions', description: 'Security point people in each team', kind: 'team', eligible: (p) => ['Engineering', 'IT', 'Product'].includes(p.department) },
  { name: 'On-call Engineers', description: 'The production on-call rota', kind: 'team', eligible: (p) => ['Engineering', 'IT', 'Support'].includes(p.department) },
  { name: 'Mentors', description: 'Volunteer mentors for new starters', kind: 'team', eligible: (p) => p.hasReports },
  { name: 'Social Committee', description: 'Organises the office events', kind: 'team', eligible: anyone },
  { name: 'Domain Users', description: 'Imported from Active Directory', kind: 'directory', eligible: anyone },
  { name: 'Intranet Editors', description: 'Imported from Active Directory', kind: 'directory', eligible: (p) => ['Marketing', 'People', 'IT'].includes(p.department) },
]

export const badgeColours: readonly string[] = ['red', 'green', 'blue', 'yellow', 'purple', 'orange']
