// Articles about a topic
// name: articles-about
// description: Articles of any agreement whose topic, or what they concern, matches a word (sanctions, energy, security).
// param topic: string - a word of the topic, e.g. sanctions
// example: kg ask articles-about --param topic=sanctions
MATCH (art:Article)
WHERE toLower(coalesce(art.topic, '')) CONTAINS toLower($topic)
MATCH (a:Agreement)-[:HAS_ARTICLE]->(art)
WITH a, art
ORDER BY a.name, art.number
LIMIT $limit
OPTIONAL MATCH (art)-[:CONCERNS]->(c)
RETURN a.name AS agreement, art.name AS article, art.number AS number, art.topic AS covers,
       collect(DISTINCT c.name) AS concerns, size(art.sources) AS reports
ORDER BY agreement, number
UNION
MATCH (x)
WHERE x.lookup CONTAINS toLower($topic)
MATCH (art:Article)-[:CONCERNS]->(x)
MATCH (a:Agreement)-[:HAS_ARTICLE]->(art)
WITH DISTINCT a, art
ORDER BY a.name, art.number
LIMIT $limit
OPTIONAL MATCH (art)-[:CONCERNS]->(c)
RETURN a.name AS agreement, art.name AS article, art.number AS number, art.topic AS covers,
       collect(DISTINCT c.name) AS concerns, size(art.sources) AS reports
ORDER BY agreement, number
