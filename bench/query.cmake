# SPARQL benchmark driver (bench/query_sparql.sh times it beside roqet and Oxigraph).
if(TARGET kg_query)
  add_executable(query_sparql_driver ${CMAKE_CURRENT_LIST_DIR}/query_sparql_driver.cpp)
  target_link_libraries(query_sparql_driver PRIVATE kg_options kg::query kg::exporters kg::ontology)
endif()
