// Who attended an event
// name: who-attended
// description: People, states and organisations that attended an event, with their titles.
// param event: string - part of the event's name or alias, or its id, e.g. "state visit"
// example: kg ask who-attended --param event="state visit"
MATCH (e:Event)
WHERE e.lookup CONTAINS toLower($event) OR e.id = $event
MATCH (who)-[:ATTENDED]->(e)
WITH e, who
ORDER BY e.start, e.name, labels(who)[0] DESC, who.name
LIMIT $limit
OPTIONAL MATCH (who)-[role:HOLDS_ROLE]->(org)
WITH e, who, collect(DISTINCT role.title + ', ' + org.name) AS roles
RETURN e.name AS event, e.start AS date, who.name AS attendee, labels(who)[0] AS kind, roles
ORDER BY date, event, kind DESC, attendee
