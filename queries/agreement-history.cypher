// History of an agreement
// name: agreement-history
// description: What an agreement renews or replaces, and what renews it, as a chain of up to five steps.
// param agreement: string - part of the agreement's name or alias, e.g. "strategic partnership"
// example: kg ask agreement-history --param agreement="strategic partnership"
MATCH (a:Agreement)
WHERE a.lookup CONTAINS toLower($agreement) OR a.id = $agreement
MATCH p = (newer:Agreement)-[:RENEWS*1..5]->(older:Agreement)
WHERE a IN nodes(p)
UNWIND relationships(p) AS step
WITH DISTINCT a, startNode(step) AS n, endNode(step) AS o, step
RETURN a.name AS agreement, n.name AS newer, n.signed AS newer_signed, o.name AS renews,
       o.signed AS older_signed, size(step.sources) AS reports
ORDER BY agreement, newer_signed DESC
LIMIT $limit
