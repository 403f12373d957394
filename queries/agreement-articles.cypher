// Articles of an agreement and what each covers
// name: agreement-articles
// description: The numbered articles reported for an agreement, with the topic each covers.
// param agreement: string - part of the agreement's name or alias, e.g. "strategic partnership"
// example: kg ask agreement-articles --param agreement="strategic partnership"
MATCH (a:Agreement)
WHERE a.lookup CONTAINS toLower($agreement) OR a.id = $agreement
MATCH (a)-[:HAS_ARTICLE]->(art:Article)
RETURN a.name AS agreement, art.number AS article, art.topic AS covers, size(art.sources) AS reports
ORDER BY agreement, article
LIMIT $limit
