// Visits between states
// name: visits
// description: Who visited which state or place, and when: visit events held there and reported visits. Filters by the visitor's state, the destination and a start date.
// param from: string? - the visitor's state (or the visitor), e.g. Russia
// param to: string? - the destination state or place, e.g. "North Korea"
// param since: string? - earliest date, ISO, partial allowed, e.g. 2023 or 2023-06
// example: kg ask visits --param from=Russia --param to="North Korea" --param since=2023
MATCH (v)-[:ATTENDED]->(e:Event {kind: 'visit'})-[:HELD_IN]->(dest)
WHERE ($to IS NULL OR dest.lookup CONTAINS toLower($to) OR toLower(coalesce(dest.country, '')) CONTAINS toLower($to))
  AND ($since IS NULL OR e.start >= $since)
WITH v, dest, e, [(v)-[:HOLDS_ROLE]->(o) | o.lookup + '|' + toLower(coalesce(o.country, ''))] AS serves
WHERE $from IS NULL OR v.lookup CONTAINS toLower($from) OR any(o IN serves WHERE o CONTAINS toLower($from))
RETURN v.name AS visitor, dest.name AS destination, e.start AS date, e.name AS via
ORDER BY date, visitor
LIMIT $limit
UNION
MATCH (v:Person)
WITH v
MATCH (v)-[r:VISITED]->(dest)
WHERE ($to IS NULL OR dest.lookup CONTAINS toLower($to) OR toLower(coalesce(dest.country, '')) CONTAINS toLower($to))
  AND ($since IS NULL OR r.start IS NULL OR r.start >= $since)
WITH v, dest, r, [(v)-[:HOLDS_ROLE]->(o) | o.lookup + '|' + toLower(coalesce(o.country, ''))] AS serves
WHERE $from IS NULL OR v.lookup CONTAINS toLower($from) OR any(o IN serves WHERE o CONTAINS toLower($from))
RETURN v.name AS visitor, dest.name AS destination, r.start AS date, 'reported visit' AS via
ORDER BY date, visitor
LIMIT $limit
UNION
MATCH (v:State)
WITH v
MATCH (v)-[r:VISITED]->(dest)
WHERE ($to IS NULL OR dest.lookup CONTAINS toLower($to) OR toLower(coalesce(dest.country, '')) CONTAINS toLower($to))
  AND ($since IS NULL OR r.start IS NULL OR r.start >= $since)
WITH v, dest, r, [(v)-[:HOLDS_ROLE]->(o) | o.lookup + '|' + toLower(coalesce(o.country, ''))] AS serves
WHERE $from IS NULL OR v.lookup CONTAINS toLower($from) OR any(o IN serves WHERE o CONTAINS toLower($from))
RETURN v.name AS visitor, dest.name AS destination, r.start AS date, 'reported visit' AS via
ORDER BY date, visitor
LIMIT $limit
