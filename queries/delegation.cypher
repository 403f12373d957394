// Delegation of a state at an event
// name: delegation
// description: Members of one state's delegation at an event: listed as its delegation, or holding a role in that state or one of its organisations.
// param event: string - part of the event's name or alias, or its id, e.g. "state visit"
// param state: string - part of the state's name or alias, e.g. Russia or Moscow
// example: kg ask delegation --param event="state visit" --param state=Russia
MATCH (s:State)
WHERE s.lookup CONTAINS toLower($state) OR s.id = $state
WITH s
MATCH (p:Person)-[:HOLDS_ROLE]->(o)
WHERE o = s OR o.country = s.name
WITH DISTINCT s, p
MATCH (p)-[:ATTENDED]->(e:Event)
WHERE e.lookup CONTAINS toLower($event) OR e.id = $event
WITH DISTINCT e, s, p
ORDER BY e.name, p.name
LIMIT $limit
OPTIONAL MATCH (p)-[role:HOLDS_ROLE]->(org)
WITH e, s, p, collect(DISTINCT role.title + ', ' + org.name) AS roles
RETURN e.name AS event, s.name AS state, p.name AS member, roles
ORDER BY event, member
UNION
MATCH (s:State)
WHERE s.lookup CONTAINS toLower($state) OR s.id = $state
WITH s
MATCH (e:Event)
WHERE e.lookup CONTAINS toLower($event) OR e.id = $event
WITH s, e
MATCH (p:Person)-[att:ATTENDED]->(e)
WHERE att.delegation = s.name
WITH e, s, p
ORDER BY e.name, p.name
LIMIT $limit
OPTIONAL MATCH (p)-[role:HOLDS_ROLE]->(org)
WITH e, s, p, collect(DISTINCT role.title + ', ' + org.name) AS roles
RETURN e.name AS event, s.name AS state, p.name AS member, roles
ORDER BY event, member
