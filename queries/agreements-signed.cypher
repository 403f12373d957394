// Agreements signed at an event
// name: agreements-signed
// description: Agreements signed during an event, with who signed them and the parties.
// param event: string - part of the event's name or alias, or its id, e.g. "state visit"
// example: kg ask agreements-signed --param event="state visit"
MATCH (e:Event)
WHERE e.id = $event OR toLower(e.name) CONTAINS toLower($event)
   OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) CONTAINS toLower($event))
MATCH (a:Agreement)-[:SIGNED_AT]->(e)
OPTIONAL MATCH (signer)-[:SIGNED]->(a)
OPTIONAL MATCH (party)-[:PARTY_TO]->(a)
RETURN e.name AS event, a.name AS agreement, a.signed AS signed,
       collect(DISTINCT signer.name) AS signed_by, collect(DISTINCT party.name) AS parties
ORDER BY agreement
