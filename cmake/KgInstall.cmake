# cmake --install: libraries, public headers (<kg/...>), the ontology data,
# trained models, the kg executable, a CMake package (find_package(kg)) and a
# pkg-config file.
include(CMakePackageConfigHelpers)

get_property(kg_libraries GLOBAL PROPERTY KG_LIBRARIES)
install(TARGETS kg_options ${kg_libraries}
  EXPORT kgTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET kg)
  install(TARGETS kg RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
foreach(module graph ontology export extract query)
  if(EXISTS ${PROJECT_SOURCE_DIR}/${module}/include)
    install(DIRECTORY ${PROJECT_SOURCE_DIR}/${module}/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  endif()
endforeach()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/ontology/data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/kg/ontology
  FILES_MATCHING PATTERN "*.ttl")
if(EXISTS ${PROJECT_SOURCE_DIR}/extract/models)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/extract/models/ DESTINATION ${CMAKE_INSTALL_DATADIR}/kg/models)
endif()

install(EXPORT kgTargets NAMESPACE kg:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/kg)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/kgConfig.cmake.in
  ${PROJECT_BINARY_DIR}/kgConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/kg
  PATH_VARS CMAKE_INSTALL_DATADIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/kgConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/kgConfig.cmake ${PROJECT_BINARY_DIR}/kgConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/kg)

# pkg-config: libraries in dependency order, C dependencies as Requires.private.
set(KG_PC_LIBS "")
foreach(lib kg_query kg_exporters kg_extract kg_ontology kg_graph)
  if(TARGET ${lib})
    string(APPEND KG_PC_LIBS " -l${lib}")
  endif()
endforeach()
# Relocatable: the prefix is found from the .pc file's own directory.
file(RELATIVE_PATH KG_PC_TO_PREFIX "/p/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/p")
configure_file(${PROJECT_SOURCE_DIR}/cmake/kg.pc.in ${PROJECT_BINARY_DIR}/kg.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/kg.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
