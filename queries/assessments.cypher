// Estimative judgements
// name: assessments
// description: Judgements made in reports with their ICD 203 likelihood, optionally filtered by likelihood, what they are about and who published them.
// param likelihood: string? - part of the likelihood phrase or band, e.g. "almost certain" or likely
// param about: string? - part of the name of what it is about, e.g. "North Korea"
// param publisher: string? - part of the publisher's name, e.g. Janes
// example: kg ask assessments --param likelihood="almost certain" --param publisher=Janes
MATCH (r:Report)-[:ASSESSES]->(a:Assessment)
WHERE ($likelihood IS NULL OR toLower(a.likelihood) CONTAINS toLower($likelihood)
       OR toLower(coalesce(a.band, '')) CONTAINS toLower($likelihood))
  AND ($publisher IS NULL OR toLower(coalesce(r.publisher, '')) CONTAINS toLower($publisher))
WITH r, a, [(a)-[:ABOUT]->(x) | x.lookup] AS about
WHERE $about IS NULL OR any(x IN about WHERE x CONTAINS toLower($about))
WITH r, a
ORDER BY r.published, r.publisher, a.text
LIMIT $limit
OPTIONAL MATCH (a)-[:ABOUT]->(x)
RETURN r.publisher AS publisher, r.published AS published, a.likelihood AS likelihood, a.band AS band,
       a.probability AS probability, a.text AS judgement, collect(x.name) AS about
ORDER BY published, publisher, judgement
