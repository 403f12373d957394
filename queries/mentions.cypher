// Reports that mention an entity
// name: mentions
// description: Which reports mention an entity, newest first, with the first quote from each.
// param name: string - part of the entity's name or alias, e.g. Najin or Rajin
// example: kg ask mentions --param name=Rajin
MATCH (rep:Report)-[:MENTIONS]->(n)
WHERE n.id = $name OR toLower(n.name) CONTAINS toLower($name)
   OR any(x IN coalesce(n.aliases, []) WHERE toLower(x) CONTAINS toLower($name))
RETURN n.name AS entity, labels(n)[0] AS kind, rep.publisher AS publisher, rep.published AS published,
       rep.name AS report, [e IN coalesce(n.evidence, []) WHERE e STARTS WITH (rep.id + ':')][0] AS quote
ORDER BY published DESC, entity
