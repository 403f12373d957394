"""Graph stores: one protocol, an embedded FalkorDB (default) and Neo4j."""
