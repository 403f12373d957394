// Sources behind an entity
// name: sources-for
// description: The reports and quotes behind an entity and behind each of its relationships, so an analyst can check why the graph says it.
// param name: string - part of the entity's name or alias, or its id, e.g. "strategic partnership"
// example: kg ask sources-for --param name="strategic partnership"
MATCH (n)
WHERE (n.lookup CONTAINS toLower($name) OR n.id = $name) AND NOT n:Report
WITH n
ORDER BY n.name, n.id
LIMIT $limit
UNWIND n.sources AS source
WITH n, source
ORDER BY n.name, n.id, source
LIMIT $limit
MATCH (rep:Report {id: source})
RETURN n.name AS entity, 'mentioned' AS fact, rep.publisher AS publisher, rep.published AS published,
       rep.name AS report, [e IN coalesce(n.evidence, []) WHERE e STARTS WITH (rep.id + ':')][0] AS quote
UNION
MATCH (n)
WHERE (n.lookup CONTAINS toLower($name) OR n.id = $name) AND NOT n:Report
WITH n
ORDER BY n.name, n.id
LIMIT $limit
MATCH (n)-[r]-(m)
WHERE NOT type(r) IN ['MENTIONS', 'ABOUT']
UNWIND r.sources AS source
WITH n, r, source
ORDER BY n.name, n.id, type(r), source
LIMIT $limit
MATCH (rep:Report {id: source})
RETURN n.name AS entity, startNode(r).name + ' ' + type(r) + ' ' + endNode(r).name AS fact,
       rep.publisher AS publisher, rep.published AS published, rep.name AS report,
       [e IN coalesce(r.evidence, []) WHERE e STARTS WITH (rep.id + ':')][0] AS quote
