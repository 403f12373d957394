// Parties to an agreement
// name: parties
// description: The states and organisations party to an agreement, who signed it, and when and where it was signed.
// param agreement: string - part of the agreement's name or alias, or its id, e.g. "strategic partnership"
// example: kg ask parties --param agreement="strategic partnership"
MATCH (a:Agreement)
WHERE a.lookup CONTAINS toLower($agreement) OR a.id = $agreement
MATCH (who)-[rel:PARTY_TO|SIGNED]->(a)
WITH a, who, rel
ORDER BY a.name, type(rel), who.name
LIMIT $limit
OPTIONAL MATCH (a)-[:SIGNED_AT]->(e:Event)
RETURN a.name AS agreement, a.signed AS signed, who.name AS actor, labels(who)[0] AS kind,
       type(rel) AS role, collect(DISTINCT e.name) AS signed_at, size(rel.sources) AS reports
ORDER BY agreement, role, actor
