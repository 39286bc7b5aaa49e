# Graphviz diagram benchmark: random graphs with labelled edges (2 per node) of
# 50, 500 and 5,000 entities rendered to SVG with the automatic layout choice,
# beside the dot/sfdp command-line tools on the same DOT (Debian package graphviz).
# Run: build/bench/export_graphviz_bench [--sizes 50,500,5000] [--repeat 3]
if(TARGET kg_exporters)
  add_executable(export_graphviz_bench ${CMAKE_CURRENT_LIST_DIR}/export_graphviz_bench.cpp)
  target_link_libraries(export_graphviz_bench PRIVATE kg_options kg::exporters kg::ontology)
endif()
