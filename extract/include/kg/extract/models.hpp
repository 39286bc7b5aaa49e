#pragma once
/// Where the trained model files live at run time.

#include <string>

namespace kg::extract {

/// The model directory: $KG_MODEL_DIR if set, else the installed copy
/// (<prefix>/share/kg/models) if it exists, else the source tree's extract/models.
std::string find_model_dir();

/// File names inside the model directory.
inline constexpr const char* kTokenizerModel = "tokenizer.bin";
inline constexpr const char* kTaggerModel = "tagger.bin";
inline constexpr const char* kLemmatizerModel = "lemmatizer.bin";
inline constexpr const char* kNerModel = "ner.bin";
inline constexpr const char* kParserModel = "parser.bin";

}  // namespace kg::extract
