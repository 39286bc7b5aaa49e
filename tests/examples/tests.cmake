# Each example runs and its stdout must equal the expected output committed beside it.
if(TARGET g20_hamburg AND TARGET query_relationships)
  set(_out ${CMAKE_BINARY_DIR}/examples-out)
  add_test(NAME ExampleG20Hamburg
    COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:g20_hamburg>
      "-DARGS=${PROJECT_SOURCE_DIR}/examples/g20_hamburg/article.txt\;${_out}"
      -DEXPECTED=${PROJECT_SOURCE_DIR}/examples/g20_hamburg/expected_output.txt
      -P ${CMAKE_CURRENT_LIST_DIR}/compare_output.cmake)
  add_test(NAME ExampleQueryRelationships
    COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:query_relationships>
      -DARGS=${_out}/g20_hamburg.ttl
      -DEXPECTED=${PROJECT_SOURCE_DIR}/examples/query_relationships/expected_output.txt
      -P ${CMAKE_CURRENT_LIST_DIR}/compare_output.cmake)
  set_tests_properties(ExampleG20Hamburg PROPERTIES FIXTURES_SETUP g20_out
    ENVIRONMENT KG_ONTOLOGY_DIR=${KG_SOURCE_ONTOLOGY_DIR} LABELS examples)
  set_tests_properties(ExampleQueryRelationships PROPERTIES FIXTURES_REQUIRED g20_out
    ENVIRONMENT KG_ONTOLOGY_DIR=${KG_SOURCE_ONTOLOGY_DIR} LABELS examples)
endif()
