// Articles of an agreement and what each covers
// name: agreement-articles
// description: The numbered articles reported for an agreement, with the topic each covers.
// param agreement: string - part of the agreement's name or alias, e.g. "strategic partnership"
// example: kg ask agreement-articles --param agreement="strategic partnership"
MATCH (a:Agreement)-[:HAS_ARTICLE]->(art:Article)
WHERE a.id = $agreement OR toLower(a.name) CONTAINS toLower($agreement)
   OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) CONTAINS toLower($agreement))
RETURN a.name AS agreement, art.number AS article, art.topic AS covers, size(art.sources) AS reports
ORDER BY agreement, article
