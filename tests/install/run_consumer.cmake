# Driven by ctest: install, configure+build+run the consumer, then the same with pkg-config.
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
  RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
set(cbuild ${PREFIX}/consumer-build)
execute_process(COMMAND ${CMAKE_COMMAND} -S ${CONSUMER_SOURCE} -B ${cbuild}
  -DCMAKE_PREFIX_PATH=${PREFIX} -DCMAKE_CXX_COMPILER=${CXX}
  RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "configuring the consumer with find_package(kg) failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${cbuild} -j2 RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building the consumer failed")
endif()
execute_process(COMMAND ${cbuild}/consumer OUTPUT_VARIABLE out RESULT_VARIABLE rc
  ENCODING UTF-8)
message(STATUS "consumer said: ${out}")
if(rc OR NOT out MATCHES "Trump met Putin")
  message(FATAL_ERROR "the consumer did not run as expected (exit ${rc})")
endif()
# pkg-config
file(GLOB pcdir ${PREFIX}/lib*/pkgconfig ${PREFIX}/lib/*/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "${pcdir}")
execute_process(COMMAND pkg-config --cflags --libs --static kg OUTPUT_VARIABLE flags
  RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
if(rc)
  message(FATAL_ERROR "pkg-config kg failed")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
execute_process(COMMAND ${CXX} -std=c++20 ${CONSUMER_SOURCE}/consumer.cpp ${flags}
  -o ${PREFIX}/consumer-pc RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building the consumer with pkg-config flags failed")
endif()
execute_process(COMMAND ${PREFIX}/consumer-pc OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(rc OR NOT out MATCHES "Trump met Putin")
  message(FATAL_ERROR "the pkg-config consumer did not run as expected")
endif()
