// Reports that mention an entity
// name: mentions
// description: Which reports mention an entity, newest first, with the first quote from each.
// param name: string - part of the entity's name or alias, e.g. Najin or Rajin
// example: kg ask mentions --param name=Rajin
MATCH (n)
WHERE (n.lookup CONTAINS toLower($name) OR n.id = $name) AND NOT n:Report
MATCH (rep:Report)-[:MENTIONS]->(n)
WITH n, rep
ORDER BY rep.published DESC, n.name
LIMIT $limit
RETURN n.name AS entity, labels(n)[0] AS kind, rep.publisher AS publisher, rep.published AS published,
       rep.name AS report, [e IN coalesce(n.evidence, []) WHERE e STARTS WITH (rep.id + ':')][0] AS quote
ORDER BY published DESC, entity
