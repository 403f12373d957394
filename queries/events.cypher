// Events
// name: events
// description: Events of a kind (visit, summit, talks, ...) or all of them, with dates, where they were held and how many attended.
// param kind: string? - the kind of event, e.g. visit or summit
// param since: string? - earliest start date, ISO, partial allowed, e.g. 2024
// example: kg ask events --param kind=visit --param since=2023
MATCH (e:Event)
WHERE ($kind IS NULL OR toLower(coalesce(e.kind, '')) CONTAINS toLower($kind))
  AND ($since IS NULL OR e.start >= $since)
WITH e
ORDER BY e.start, e.name
LIMIT $limit
OPTIONAL MATCH (e)-[:HELD_IN]->(p)
RETURN e.start AS date, e.end AS until, e.kind AS kind, e.name AS event, collect(DISTINCT p.name) AS held_in,
       size([(who)-[:ATTENDED]->(e) | who]) AS attendees, size(e.sources) AS reports
ORDER BY date, event
