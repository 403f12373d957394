// Articles about a topic
// name: articles-about
// description: Articles of any agreement whose topic, or what they concern, matches a word (sanctions, energy, security).
// param topic: string - a word of the topic, e.g. sanctions
// example: kg ask articles-about --param topic=sanctions
MATCH (a:Agreement)-[:HAS_ARTICLE]->(art:Article)
OPTIONAL MATCH (art)-[:CONCERNS]->(c)
WITH a, art, collect(DISTINCT c.name) AS concerns
WHERE toLower(coalesce(art.topic, '')) CONTAINS toLower($topic)
   OR any(x IN concerns WHERE toLower(x) CONTAINS toLower($topic))
RETURN a.name AS agreement, art.name AS article, art.number AS number, art.topic AS covers, concerns,
       size(art.sources) AS reports
ORDER BY agreement, number
