# Integration tests against a real triple store: a private Virtuoso (Debian package
# virtuoso-opensource) started on 127.0.0.1 with a throw-away database for the run
# (CTest fixture), stopped afterwards by its pid. Without virtuoso-t the tests are
# reported as skipped with the reason.
if(TARGET kg_query)
  file(GLOB _store_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
  add_executable(kg_store_tests ${_store_sources})
  target_include_directories(kg_store_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../query)
  target_link_libraries(kg_store_tests PRIVATE kg::query kg::exporters kg::ontology kg_options
    GTest::gtest GTest::gtest_main)
  target_compile_definitions(kg_store_tests PRIVATE KG_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

  find_program(KG_VIRTUOSO_T virtuoso-t)
  set(_vdir ${CMAKE_BINARY_DIR}/virtuoso-test)
  if(KG_VIRTUOSO_T)
    add_test(NAME StoreVirtuosoStart
      COMMAND sh -c "'${PROJECT_SOURCE_DIR}/scripts/virtuoso-stop.sh' '${_vdir}' --purge 2>/dev/null; \
        exec '${PROJECT_SOURCE_DIR}/scripts/virtuoso-start.sh' '${_vdir}'")
    set_tests_properties(StoreVirtuosoStart PROPERTIES FIXTURES_SETUP virtuoso LABELS store
      TIMEOUT 300)
    add_test(NAME StoreVirtuosoStop
      COMMAND ${PROJECT_SOURCE_DIR}/scripts/virtuoso-stop.sh ${_vdir} --purge)
    set_tests_properties(StoreVirtuosoStop PROPERTIES FIXTURES_CLEANUP virtuoso LABELS store)
    add_test(NAME StoreIntegration COMMAND kg_store_tests)
    set(_fixtures virtuoso)
    if(TEST ExampleG20Hamburg)
      list(APPEND _fixtures g20_out)
    endif()
    # StoreIntegration and StorePushCli replace the same graphs in the one store: never
    # at the same time (under ctest -j a PUT could land between another test's push and query).
    set_tests_properties(StoreIntegration PROPERTIES
      FIXTURES_REQUIRED "${_fixtures}" LABELS store TIMEOUT 600 RESOURCE_LOCK virtuoso_graphs
      ENVIRONMENT "KG_VIRTUOSO_DIR=${_vdir};KG_SEED_GRAPH=${CMAKE_BINARY_DIR}/examples-out/g20_hamburg.ttl;KG_ONTOLOGY_DIR=${KG_SOURCE_ONTOLOGY_DIR}")
    if(TARGET kg)
      add_test(NAME StorePushCli
        COMMAND sh -c "set -e; read port sql < '${_vdir}/ports'; \
          ep=http://127.0.0.1:$port/sparql-graph-crud-auth; \
          '$<TARGET_FILE:kg>' push '${CMAKE_BINARY_DIR}/examples-out/g20_hamburg.nq' --endpoint $ep --user dba --password dba; \
          '$<TARGET_FILE:kg>' push '${CMAKE_BINARY_DIR}/examples-out/g20_hamburg.nq' --endpoint $ep --user dba --password dba > '${_vdir}/push2.txt'; \
          grep -q 'HTTP 200' '${_vdir}/push2.txt'; \
          if '$<TARGET_FILE:kg>' push '${CMAKE_BINARY_DIR}/examples-out/g20_hamburg.nq' --endpoint $ep --user dba --password wrong 2> '${_vdir}/err.txt'; then exit 1; fi; \
          grep -q 'HTTP 401' '${_vdir}/err.txt'")
      set_tests_properties(StorePushCli PROPERTIES FIXTURES_REQUIRED "${_fixtures}" LABELS store
        RESOURCE_LOCK virtuoso_graphs
        ENVIRONMENT KG_ONTOLOGY_DIR=${KG_SOURCE_ONTOLOGY_DIR})
    endif()
  else()
    add_test(NAME StoreIntegration COMMAND sh -c
      "echo 'virtuoso-t not found: install the Debian package virtuoso-opensource to run the store tests'; exit 77")
    set_tests_properties(StoreIntegration PROPERTIES SKIP_RETURN_CODE 77 LABELS store)
  endif()
endif()
