#include "common/syntax/syntax_models.h"

#include "absl/strings/str_cat.h"
#include "common/util/status_macros.h"

namespace claims::syntax {
namespace {

absl::Status InFile(const absl::Status& status, const std::string& path) {
  if (status.ok()) return status;
  return absl::Status(status.code(), absl::StrCat(path, ": ", status.message()));
}

}  // namespace

absl::StatusOr<SyntaxModels> SyntaxModels::Load(const std::string& dir) {
  const std::string tagger_path = absl::StrCat(dir, "/", kTaggerFile);
  const std::string lemma_path = absl::StrCat(dir, "/", kLemmatizerFile);
  absl::StatusOr<PosTagger> tagger = PosTagger::Load(tagger_path);
  RETURN_IF_ERROR(InFile(tagger.status(), tagger_path));
  absl::StatusOr<Lemmatizer> lemmatizer = Lemmatizer::Load(lemma_path);
  RETURN_IF_ERROR(InFile(lemmatizer.status(), lemma_path));
  absl::StatusOr<DependencyParser> parser =
      DependencyParser::Load(absl::StrCat(dir, "/", kParserMovesFile),
                             absl::StrCat(dir, "/", kParserLabelsFile));
  RETURN_IF_ERROR(InFile(parser.status(), absl::StrCat(dir, "/parser-*.clm")));
  return SyntaxModels(*std::move(tagger), *std::move(lemmatizer), *std::move(parser));
}

absl::Status SyntaxModels::Save(const std::string& dir) const {
  RETURN_IF_ERROR(tagger_.model().Save(absl::StrCat(dir, "/", kTaggerFile)));
  RETURN_IF_ERROR(lemmatizer_.model().Save(absl::StrCat(dir, "/", kLemmatizerFile)));
  RETURN_IF_ERROR(parser_.moves().Save(absl::StrCat(dir, "/", kParserMovesFile)));
  return parser_.labels().Save(absl::StrCat(dir, "/", kParserLabelsFile));
}

void SyntaxModels::Analyze(SyntaxSentence* sentence) const {
  tagger_.Tag(sentence, verb_forms());
  lemmatizer_.Lemmatize(sentence);
  parser_.Parse(sentence);
}

}  // namespace claims::syntax
