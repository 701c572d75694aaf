// Extractor: turns one article into sentences, actor mentions, time
// expressions, actors and claims.
//
// Pure function of (article, knowledge base, taxonomy): it stores nothing, so
// the ingest service calls it for both Analyze and IngestArticle.
//
//   ASSIGN_OR_RETURN(auto extractor, Extractor::Create(config));
//   ASSIGN_OR_RETURN(claims::v1::AnalyzeResponse result,
//                    extractor->Analyze(article));
//
// Thread-safe: Analyze is const and may run concurrently.
#ifndef CLAIMS_COMMON_EXTRACT_EXTRACTOR_H_
#define CLAIMS_COMMON_EXTRACT_EXTRACTOR_H_

#include <cstddef>
#include <memory>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"
#include "claims/v1/claims.pb.h"
#include "common/kb/knowledge_base.h"
#include "common/kb/taxonomy.h"
#include "common/extract/mentions.h"
#include "common/text/layout.h"

namespace claims {

struct ExtractorConfig {
  // Folder of knowledge-base files (*.jsonl), e.g. knowledge/kb.
  std::string kb_dir;
  // Optional operator file extending the knowledge base ("" = none).
  std::string kb_extra_file;
  // Taxonomy file, e.g. knowledge/taxonomy/topics.jsonl.
  std::string taxonomy_file;
  // Optional operator file extending the taxonomy ("" = none).
  std::string taxonomy_extra_file;
  // Bodies longer than this are RESOURCE_EXHAUSTED.
  size_t max_body_bytes = 4 << 20;
  // Articles with more sentences are RESOURCE_EXHAUSTED.
  size_t max_sentences = 20000;
  // Folder of the extractor's word lists and cue tables (knowledge/extract);
  // "" = the "extract" folder beside kb_dir.
  std::string lexicon_dir;
  // Folder of the trained models (tagger, lemmatizer, parser, entity
  // tagger: knowledge/models); "" = the "models" folder beside kb_dir.
  std::string models_dir;
  // The topic stage's cue file (claims.kb.TopicCue lines); "" = the
  // topic_cues.jsonl beside taxonomy_file, else the bundled one. The
  // lexical cues (topic_cues_wordnet.jsonl) beside it load after it.
  std::string topic_cues_file;
  // Optional operator file of more cues, read after topic_cues_file.
  std::string topic_cues_extra_file;
  // False leaves the trained topic model (topics.clm in models_dir) out:
  // topics from the cues alone.
  bool use_topic_model = true;
  // A claim whose sentence has no topic of its own takes the article's
  // main topic.
  bool inherit_article_topics = true;
  // False skips the topic stage (claims, sentences and the article carry no
  // topics): for measuring its cost.
  bool assign_topics = true;
  // Report the claim builder's raw confidence scores instead of calibrated
  // ones (what eval/calibrate_confidence.py fits the table on).
  bool raw_confidence = false;
};

struct ExtractorPipeline;  // internal: lexicon, segmenters and rules

class Extractor {
 public:
  // Loads the knowledge base and taxonomy; INVALID_ARGUMENT naming file and
  // line for a malformed data file.
  static absl::StatusOr<std::unique_ptr<Extractor>> Create(
      const ExtractorConfig& config);

  ~Extractor();
  Extractor(const Extractor&) = delete;  // owns the loaded data
  Extractor& operator=(const Extractor&) = delete;

  // Validates and analyzes `article`:
  //  * INVALID_ARGUMENT for an empty/whitespace body, invalid UTF-8, binary
  //    data (NUL or other control bytes), a malformed `published` date or an
  //    unknown field in a plain-text header;
  //  * RESOURCE_EXHAUSTED over the size or sentence limits.
  // The result's `article` holds the derived id (client id, else a content
  // hash), title, authors, effective publication date and its source, and
  // the content hash; every claim has its stable id and article_id.
  // `layout`, when given, is the body's layout as found by an earlier step
  // (an HTML page's blocks, title, authors and date, see
  // text/html_document.h) instead of the plain-text layout parser's.
  absl::StatusOr<claims::v1::AnalyzeResponse> Analyze(
      const claims::v1::Article& article,
      const text::ArticleLayout* layout = nullptr) const;

  // The article's sentences as the later stages see them (tokens, tags,
  // lemmas, dependencies, names), for the trainers of those stages; the
  // same validation errors as Analyze.
  absl::StatusOr<std::vector<SentenceTokens>> AnalyzeSentences(
      const claims::v1::Article& article) const;

  const KnowledgeBase& knowledge_base() const { return *kb_; }
  const Taxonomy& taxonomy() const { return *taxonomy_; }

  // Extractor and knowledge-base version, recorded on every claim.
  const std::string& version() const { return version_; }

 private:
  // RESOURCE_EXHAUSTED over the size limit, INVALID_ARGUMENT for text that
  // is not valid UTF-8 or holds binary data.
  absl::Status CheckBody(const std::string& body) const;
  // The body's sentences, tokenized and analysed (syntax and names).
  absl::StatusOr<std::vector<SentenceTokens>> Sentences(
      const std::string& body, const text::ArticleLayout& layout) const;

  Extractor(ExtractorConfig config, std::unique_ptr<KnowledgeBase> kb,
            std::unique_ptr<Taxonomy> taxonomy);

  ExtractorConfig config_;
  std::unique_ptr<KnowledgeBase> kb_;
  std::unique_ptr<Taxonomy> taxonomy_;
  std::unique_ptr<ExtractorPipeline> pipeline_;
  std::string version_;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_EXTRACTOR_H_
