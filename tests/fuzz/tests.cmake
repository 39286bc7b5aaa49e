# libFuzzer targets (configure with clang and -DKG_FUZZ=ON). Each target gets a short,
# bounded CTest run from its seed corpus (tests/fuzz/corpus/<target>); new inputs and
# crash files go to the build tree, never into the sources. scripts/fuzz.sh runs them
# longer. In every build the reliability suite replays the corpus and the saved
# crashes (tests/fuzz/regressions/<target>) through the same code (fuzz_entry.hpp).
set(KG_FUZZ_SECONDS 20 CACHE STRING "Seconds each fuzz target runs under CTest (at most)")
# The CTest runs are reproducible: a fixed seed and a fixed number of executions per target
# (about KG_FUZZ_SECONDS on this project's CI machine at the rates the targets reach there),
# so a run that passes here passes on any machine, and a finding is found again by the same
# run. Open-ended random runs are scripts/fuzz.sh's job.
set(KG_FUZZ_SEED 1 CACHE STRING "libFuzzer seed of the CTest fuzz runs")
set(_kg_fuzz_runs_sparql 40000)
set(_kg_fuzz_runs_conllu 40000)
set(_kg_fuzz_runs_rdf_rdfxml 6000)
set(_kg_fuzz_runs_ontology 4000)
set(_kg_fuzz_runs_article 2000)
set(_kg_fuzz_runs_rdf_turtle 2000)
set(_kg_fuzz_runs_rdf_ntriples 1000)
set(_kg_fuzz_runs_rdf_nquads 1000)
# The reliability suite replays the SPARQL corpus too when kg::query is built.
if(TARGET kg_reliability_tests AND TARGET kg_query)
  target_link_libraries(kg_reliability_tests PRIVATE kg::query)
  target_compile_definitions(kg_reliability_tests PRIVATE KG_FUZZ_REPLAY_SPARQL=1)
endif()
if(KG_FUZZ AND TARGET kg_exporters AND TARGET kg_extract)
  set(_kg_fuzz_targets
    article:FuzzArticle conllu:FuzzConllu ontology:FuzzOntology
    rdf_turtle:FuzzRdfTurtle rdf_ntriples:FuzzRdfNtriples rdf_nquads:FuzzRdfNquads
    rdf_rdfxml:FuzzRdfRdfxml)
  # SPARQL query text (kg::query, when Rasqal is there).
  if(TARGET kg_query)
    list(APPEND _kg_fuzz_targets sparql:FuzzSparql)
  endif()
  foreach(_entry ${_kg_fuzz_targets})
    string(REPLACE ":" ";" _pair ${_entry})
    list(GET _pair 0 _name)
    list(GET _pair 1 _test)
    add_executable(fuzz_${_name} ${CMAKE_CURRENT_LIST_DIR}/fuzz_${_name}.cpp)
    target_link_libraries(fuzz_${_name} PRIVATE kg::exporters kg::extract kg_options kg_fuzz_options)
    if(_name STREQUAL "sparql")
      target_link_libraries(fuzz_${_name} PRIVATE kg::query)
    endif()
    set(_work ${CMAKE_BINARY_DIR}/fuzz/${_name})
    add_test(NAME ${_test}
      COMMAND sh -c "mkdir -p '${_work}/corpus' '${_work}/artifacts' && exec \"$0\" \"$@\""
        $<TARGET_FILE:fuzz_${_name}>
        -seed=${KG_FUZZ_SEED} -runs=${_kg_fuzz_runs_${_name}}
        -max_total_time=${KG_FUZZ_SECONDS} -max_len=4096 -timeout=30 -rss_limit_mb=4096
        -print_final_stats=1 -artifact_prefix=${_work}/artifacts/
        ${_work}/corpus ${CMAKE_CURRENT_LIST_DIR}/corpus/${_name})
    set_tests_properties(${_test} PROPERTIES LABELS fuzz
      TIMEOUT 600
      ENVIRONMENT "KG_ONTOLOGY_DIR=${KG_SOURCE_ONTOLOGY_DIR};LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/scripts/lsan-suppressions.txt")
  endforeach()
endif()
