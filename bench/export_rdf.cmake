# RDF benchmarks: the synthetic graph generator and the convert/load driver
# used by bench/export_convert.sh (which also times serdi, rapper and Oxigraph).
add_executable(export_rdf_bench ${CMAKE_CURRENT_LIST_DIR}/export_rdf_bench.cpp)
target_link_libraries(export_rdf_bench PRIVATE kg_options)
if(TARGET kg_exporters)
  add_executable(kg_bench_convert ${CMAKE_CURRENT_LIST_DIR}/export_convert_driver.cpp)
  target_link_libraries(kg_bench_convert PRIVATE kg_options kg::exporters)
endif()
