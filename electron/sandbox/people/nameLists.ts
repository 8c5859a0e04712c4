/**
 * Given and family names from many cultures, including diacritics, apostrophes and hyphens,
 * so sorting, searching and email building meet real-world names.
 */

export const firstNames: readonly string[] = [
  'Amelia', 'Oliver', 'Isla', 'Noah', 'Ava', 'Liam', 'Mia', 'Lucas', 'Sofia', 'Mateo',
  'Chloé', 'Léa', 'Théo', 'Zoë', 'Renée', 'José', 'María', 'Inés', 'Álvaro', 'Lucía',
  'Søren', 'Åsa', 'Björn', 'Ingrid', 'Jürgen', 'Anja', 'Lukas', 'Mette', 'Henrik', 'Elin',
  'Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Deepika', 'Arjun', 'Kavya', 'Sanjay', 'Meera',
  'Wei', 'Mei', 'Jun', 'Xiu', 'Hiroshi', 'Yuki', 'Haruto', 'Sakura', 'Min-jun', 'Seo-yeon',
  'Oluwaseun', 'Chiamaka', 'Kwame', 'Amara', 'Tendai', 'Zanele', 'Kofi', 'Nia', 'Abebe', 'Fatou',
  'Mohammed', 'Fatima', 'Omar', 'Layla', 'Yusuf', 'Aisha', 'Karim', 'Noor', 'Tariq', 'Zainab',
  'Siobhán', 'Niamh', 'Seán', 'Aoife', 'Ciarán', 'Dmitri', 'Anastasia', 'Katarzyna', 'Tomasz', 'Agnieszka',
  'Giulia', 'Matteo', 'Francesca', 'Lorenzo', 'Chiara', 'João', 'Beatriz', 'Thiago', 'Camila', 'Rafael',
  'Ngoc', 'Minh', 'Thanh', 'Malia', 'Keanu', 'Aroha', 'Tama', 'Ayelet', 'Noam', 'Emre',
  'Elif', 'Can', 'Jessica', 'Michael', 'Sarah', 'David', 'Emily', 'James', 'Grace', 'Daniel',
]

export const lastNames: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  "O'Brien", "O'Connor", 'McCarthy', 'Murphy', 'Kelly', 'Nguyen', 'Tran', 'Pham', 'Le', 'Kim',
  'Park', 'Choi', 'Lee', 'Wang', 'Li', 'Zhang', 'Chen', 'Liu', 'Tanaka', 'Suzuki',
  'Takahashi', 'Watanabe', 'Patel', 'Sharma', 'Singh', 'Gupta', 'Iyer', 'Reddy', 'Khan', 'Ahmed',
  'Hassan', 'Haddad', 'Mansour', 'Okafor', 'Adeyemi', 'Mensah', 'Mwangi', 'Dlamini', 'Diallo', 'Tesfaye',
  'Müller', 'Schmidt', 'Schröder', 'Weiß', 'Jørgensen', 'Nyström', 'Åberg', 'Lindqvist', 'Virtanen', 'Kowalski',
  'Nowak', 'Wiśniewska', 'Ivanova', 'Petrov', 'Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Fernández', 'Núñez',
  'Peña', 'Castillo', 'Rossi', 'Bianchi', 'Esposito', 'Romano', 'Santos', 'Oliveira', 'Gonçalves', 'Costa',
  'van der Berg', 'de Vries', 'Jansen', 'Papadopoulos', 'Yılmaz', 'Öztürk', 'Cohen', 'Levi', 'Te Whare', 'Kahananui',
  'Smith-Jones', 'Lloyd-Evans', 'Fitzgerald', 'Campbell', 'Stewart', 'Anderson', 'Thompson', 'White', 'Harris', 'Clark',
]
