// Agreements signed at an event
// name: agreements-signed
// description: Agreements signed during an event, with who signed them and the parties.
// param event: string - part of the event's name or alias, or its id, e.g. "state visit"
// example: kg ask agreements-signed --param event="state visit"
MATCH (e:Event)
WHERE e.lookup CONTAINS toLower($event) OR e.id = $event
MATCH (a:Agreement)-[:SIGNED_AT]->(e)
WITH e, a
ORDER BY a.name, e.name
LIMIT $limit
OPTIONAL MATCH (signer)-[:SIGNED]->(a)
OPTIONAL MATCH (party)-[:PARTY_TO]->(a)
RETURN e.name AS event, a.name AS agreement, a.signed AS signed,
       collect(DISTINCT signer.name) AS signed_by, collect(DISTINCT party.name) AS parties
ORDER BY agreement, event
