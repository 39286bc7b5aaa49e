# Each example runs and its stdout must equal the expected output committed beside it.
if(TARGET g20_hamburg AND TARGET query_relationships)
  set(_out ${CMAKE_BINARY_DIR}/examples-out)
  add_test(NAME ExampleG20Hamburg
    COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:g20_hamburg>
      -DARG1=${PROJECT_SOURCE_DIR}/examples/g20_hamburg/article.txt -DARG2=${_out}
      -DEXPECTED=${PROJECT_SOURCE_DIR}/examples/g20_hamburg/expected_output.txt
      -P ${CMAKE_CURRENT_LIST_DIR}/compare_output.cmake)
  add_test(NAME ExampleQueryRelationships
    COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:query_relationships>
      -DARG1=${_out}/g20_hamburg.ttl
      -DEXPECTED=${PROJECT_SOURCE_DIR}/examples/query_relationships/expected_output.txt
      -P ${CMAKE_CURRENT_LIST_DIR}/compare_output.cmake)
  set_tests_properties(ExampleG20Hamburg PROPERTIES FIXTURES_SETUP g20_out
    ENVIRONMENT KG_ONTOLOGY_DIR=${KG_SOURCE_ONTOLOGY_DIR} LABELS examples)
  set_tests_properties(ExampleQueryRelationships PROPERTIES FIXTURES_REQUIRED g20_out
    ENVIRONMENT KG_ONTOLOGY_DIR=${KG_SOURCE_ONTOLOGY_DIR} LABELS examples)
endif()

# Every RDF file the example wrote parses with rapper and serdi; the SVG is well-formed XML.
find_program(RAPPER rapper)
find_program(SERDI serdi)
find_program(XMLLINT xmllint)
if(TARGET g20_hamburg AND RAPPER AND SERDI AND XMLLINT)
  add_test(NAME ExampleOutputsParseWithPeerTools
    COMMAND sh -c "set -e; d='${CMAKE_BINARY_DIR}/examples-out'; \
      '${RAPPER}' -q -c -i turtle \"$d/g20_hamburg.ttl\"; \
      '${RAPPER}' -q -c -i ntriples \"$d/g20_hamburg.nt\"; \
      '${RAPPER}' -q -c -i nquads \"$d/g20_hamburg.nq\"; \
      '${RAPPER}' -q -c -i rdfxml \"$d/g20_hamburg.rdf\"; \
      '${SERDI}' -i turtle \"$d/g20_hamburg.ttl\" >/dev/null; \
      '${SERDI}' -i ntriples \"$d/g20_hamburg.nt\" >/dev/null; \
      '${SERDI}' -i nquads \"$d/g20_hamburg.nq\" >/dev/null; \
      '${XMLLINT}' --noout \"$d/g20_hamburg.svg\"")
  set_tests_properties(ExampleOutputsParseWithPeerTools PROPERTIES FIXTURES_REQUIRED g20_out LABELS examples)
endif()

# The example's graph read back from each syntax and written as N-Triples gives
# exactly the N-Triples the example wrote (sorted): nothing lost or changed;
# and each syntax written back from its own reading is byte-identical.
if(TARGET g20_hamburg AND TARGET kg)
  add_test(NAME ExampleGraphRoundTripsThroughEverySyntax
    COMMAND sh -c "set -e; d='${CMAKE_BINARY_DIR}/examples-out'; \
      sort \"$d/g20_hamburg.nt\" > \"$d/expected.sorted.nt\"; \
      for f in ttl nt nq rdf; do \
        '$<TARGET_FILE:kg>' convert \"$d/g20_hamburg.$f\" \"$d/back.$f.nt\"; \
        sort \"$d/back.$f.nt\" | cmp - \"$d/expected.sorted.nt\"; \
      done; \
      for f in ttl nt nq rdf; do \
        '$<TARGET_FILE:kg>' convert \"$d/g20_hamburg.$f\" \"$d/back.$f\"; \
        cmp \"$d/back.$f\" \"$d/g20_hamburg.$f\"; \
      done")
  set_tests_properties(ExampleGraphRoundTripsThroughEverySyntax PROPERTIES
    FIXTURES_REQUIRED g20_out LABELS examples
    ENVIRONMENT KG_ONTOLOGY_DIR=${KG_SOURCE_ONTOLOGY_DIR})
endif()

if(TARGET g20_hamburg AND TARGET sparql_relationships)
  add_test(NAME ExampleSparqlRelationships
    COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:sparql_relationships>
      -DARG1=${CMAKE_BINARY_DIR}/examples-out/g20_hamburg.ttl
      -DEXPECTED=${PROJECT_SOURCE_DIR}/examples/sparql_relationships/expected_output.txt
      -P ${CMAKE_CURRENT_LIST_DIR}/compare_output.cmake)
  set_tests_properties(ExampleSparqlRelationships PROPERTIES FIXTURES_REQUIRED g20_out
    ENVIRONMENT KG_ONTOLOGY_DIR=${KG_SOURCE_ONTOLOGY_DIR} LABELS examples)
endif()
