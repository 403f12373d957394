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
WITH n, [(n)-[r]-(m) WHERE NOT type(r) IN ['MENTIONS', 'ABOUT'] |
         {fact: startNode(r).name + ' ' + type(r) + ' ' + endNode(r).name, sources: r.sources, evidence: r.evidence}] AS facts
UNWIND [{fact: 'mentioned', sources: n.sources, evidence: n.evidence}] + facts AS f
UNWIND f.sources AS source
WITH n, f, source
ORDER BY n.name, n.id, f.fact, source
LIMIT $limit
MATCH (rep:Report {id: source})
RETURN DISTINCT n.name AS entity, f.fact AS fact, rep.publisher AS publisher, rep.published AS published,
       rep.name AS report, [e IN coalesce(f.evidence, []) WHERE e STARTS WITH (rep.id + ':')][0] AS quote
