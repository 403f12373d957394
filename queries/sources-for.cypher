// Sources behind an entity
// name: sources-for
// description: The reports and quotes behind an entity and behind each of its relationships, so an analyst can check why the graph says it.
// param name: string - part of the entity's name or alias, or its id, e.g. "strategic partnership"
// example: kg ask sources-for --param name="strategic partnership"
MATCH (n)
WHERE NOT n:Report
  AND (n.id = $name OR toLower(n.name) CONTAINS toLower($name)
       OR any(x IN coalesce(n.aliases, []) WHERE toLower(x) CONTAINS toLower($name)))
UNWIND n.sources AS source
MATCH (rep:Report {id: source})
RETURN n.name AS entity, 'mentioned' AS fact, rep.publisher AS publisher, rep.published AS published,
       rep.name AS report, [e IN coalesce(n.evidence, []) WHERE e STARTS WITH (rep.id + ':')][0] AS quote
UNION
MATCH (n)
WHERE NOT n:Report
  AND (n.id = $name OR toLower(n.name) CONTAINS toLower($name)
       OR any(x IN coalesce(n.aliases, []) WHERE toLower(x) CONTAINS toLower($name)))
MATCH (n)-[r]-(m)
WHERE NOT type(r) IN ['MENTIONS', 'ABOUT']
UNWIND r.sources AS source
MATCH (rep:Report {id: source})
RETURN n.name AS entity, startNode(r).name + ' ' + type(r) + ' ' + endNode(r).name AS fact,
       rep.publisher AS publisher, rep.published AS published, rep.name AS report,
       [e IN coalesce(r.evidence, []) WHERE e STARTS WITH (rep.id + ':')][0] AS quote
