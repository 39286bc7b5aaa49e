# Installs the project into a scratch prefix, then builds and runs a small
# consumer program against it with find_package(kg) and with pkg-config.
if(KG_INSTALL AND TARGET kg_exporters)
  set(_prefix ${CMAKE_BINARY_DIR}/install-test)
  add_test(NAME InstallConsumerBuilds
    COMMAND ${CMAKE_COMMAND}
      -DBUILD_DIR=${CMAKE_BINARY_DIR}
      -DPREFIX=${_prefix}
      -DCONSUMER_SOURCE=${CMAKE_CURRENT_LIST_DIR}/consumer
      -DCXX=${CMAKE_CXX_COMPILER}
      -P ${CMAKE_CURRENT_LIST_DIR}/run_consumer.cmake)
  set_tests_properties(InstallConsumerBuilds PROPERTIES LABELS install TIMEOUT 600)
endif()
