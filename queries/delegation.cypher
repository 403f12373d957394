// Delegation of a state at an event
// name: delegation
// description: Members of one state's delegation at an event: listed as its delegation, or holding a role in that state or one of its organisations.
// param event: string - part of the event's name or alias, or its id, e.g. "state visit"
// param state: string - part of the state's name or alias, e.g. Russia or Moscow
// example: kg ask delegation --param event="state visit" --param state=Russia
MATCH (e:Event)
WHERE e.id = $event OR toLower(e.name) CONTAINS toLower($event)
   OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) CONTAINS toLower($event))
MATCH (s:State)
WHERE s.id = $state OR toLower(s.name) CONTAINS toLower($state)
   OR any(a IN coalesce(s.aliases, []) WHERE toLower(a) CONTAINS toLower($state))
MATCH (p:Person)-[att:ATTENDED]->(e)
OPTIONAL MATCH (p)-[role:HOLDS_ROLE]->(org)
WITH e, s, p, att, collect(DISTINCT {title: role.title, org: org.name, country: coalesce(org.country, '')}) AS roles
WHERE att.delegation = s.name
   OR any(r IN roles WHERE r.org = s.name OR r.country = s.name)
RETURN e.name AS event, s.name AS state, p.name AS member,
       [r IN roles WHERE r.title IS NOT NULL | r.title + ', ' + r.org] AS roles
ORDER BY event, member
