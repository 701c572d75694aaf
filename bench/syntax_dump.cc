// syntax_dump: runs the syntax models over the forms of CoNLL-U files and
// writes what they predict (UPOS, XPOS, lemma, head, relation per word), so
// that a change meant to make them faster can be checked to change nothing:
// dump before, dump after, compare the files byte for byte.
//
//   build/bench/syntax_dump --lexicon=true
//   ../shared/train/ud-english/*dev.conllu > a.tsv
//
// Flags: --lexicon=true installs the extractor's verb dictionary, as the
// extractor does (data/extract); --models=DIR (default the source tree's).
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "common/extract/lexicon.h"
#include "common/syntax/conllu.h"
#include "common/syntax/syntax_models.h"

int main(int argc, char** argv) {
  std::string models_dir = std::string(CLAIMS_SOURCE_DATA_DIR) + "/models";
  bool lexicon = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (absl::StartsWith(arg, "--models=")) {
      models_dir = arg.substr(9);
    } else if (arg == "--lexicon=true") {
      lexicon = true;
    } else {
      files.push_back(arg);
    }
  }
  auto models = claims::syntax::SyntaxModels::Load(models_dir);
  if (!models.ok()) {
    std::cerr << models.status() << "\n";
    return 1;
  }
  std::unique_ptr<claims::Lexicon> lex;
  if (lexicon) {
    auto loaded =
        claims::Lexicon::Load(std::string(CLAIMS_SOURCE_DATA_DIR) + "/extract");
    if (!loaded.ok()) {
      std::cerr << loaded.status() << "\n";
      return 1;
    }
    lex = *std::move(loaded);
    claims::InstallInSyntax(*lex, nullptr, &*models);
  }
  for (const std::string& file : files) {
    auto read = claims::syntax::ReadConllu(file);
    if (!read.ok()) {
      std::cerr << read.status() << "\n";
      return 1;
    }
    for (const auto& gold : *read) {
      claims::syntax::SyntaxSentence s(gold.size());
      for (size_t i = 0; i < gold.size(); ++i) s[i].form = gold[i].form;
      models->Analyze(&s);
      for (size_t i = 0; i < s.size(); ++i) {
        std::cout << i + 1 << '\t' << s[i].form << '\t' << s[i].lemma << '\t'
                  << claims::syntax::UposName(s[i].upos) << '\t' << s[i].xpos
                  << '\t' << s[i].head + 1 << '\t'
                  << claims::syntax::DepRelName(s[i].rel) << '\n';
      }
      std::cout << '\n';
    }
  }
  return 0;
}
