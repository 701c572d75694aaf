#include "common/extract/extractor.h"

#include <algorithm>
#include <filesystem>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/entities/abbreviations.h"
#include "common/entities/entity_tagger.h"
#include "common/entities/gazetteer.h"
#include "common/extract/claim_builder.h"
#include "common/extract/confidence.h"
#include "common/extract/content_hash.h"
#include "common/extract/coreference.h"
#include "common/extract/group_actors.h"
#include "common/extract/dates.h"
#include "common/extract/lexicon.h"
#include "common/extract/mentions.h"
#include "common/extract/parse_repairs.h"
#include "common/extract/quotations.h"
#include "common/extract/timex.h"
#include "common/extract/topics.h"
#include "common/syntax/syntax_models.h"
#include "common/text/layout.h"
#include "common/text/sentence_splitter.h"
#include "common/text/tokenizer.h"
#include "common/text/utf8.h"
#include "common/util/status_macros.h"

namespace claims {

// Version of the extraction rules; bump when output changes.
constexpr char kExtractorVersion[] = "extract-0.9.0";
// The entity tagger's file in the models folder.
constexpr char kEntityModelFile[] = "entities.clm";
// The topic model's file in the models folder (optional: cues alone
// without it).
constexpr char kTopicModelFile[] = "topics.clm";
// Most aliases listed per actor in a response.
constexpr size_t kMaxAliasesPerActor = 40;

struct ExtractorPipeline {
  std::unique_ptr<syntax::SyntaxModels> syntax;
  std::unique_ptr<entities::EntityTagger> entity_tagger;
  std::unique_ptr<entities::KbGazetteer> gazetteer;
  std::unique_ptr<Lexicon> lexicon;
  std::unique_ptr<text::SentenceSplitter> splitter;
  std::unique_ptr<TimexFinder> timex;
  std::unique_ptr<MentionFinder> mentions;
  std::unique_ptr<GroupActorFinder> groups;
  std::unique_ptr<CoreferenceResolver> coreference;
  std::unique_ptr<TopicModel> topic_model;
  std::unique_ptr<TopicStage> topics;
  std::unique_ptr<ClaimBuilder> claims;
  ConfidenceCalibration confidence;  // the identity with raw_confidence
};

namespace {

// `configured`, else the folder `name` beside kb_dir, else the source
// tree's (a build tree run in place).
std::string DataDir(const std::string& configured, const ExtractorConfig& config,
                    const std::string& name) {
  if (!configured.empty()) return configured;
  std::filesystem::path kb(config.kb_dir);
  while (!kb.empty() && kb.filename().empty()) kb = kb.parent_path();
  std::filesystem::path sibling = kb.parent_path() / name;
  std::error_code ec;
  if (std::filesystem::is_directory(sibling, ec)) return sibling.string();
  return std::string(CLAIMS_SOURCE_DATA_DIR) + "/" + name;
}

// The configured cue file, else topic_cues.jsonl beside the taxonomy file,
// else the bundled one.
std::string TopicCuesFile(const ExtractorConfig& config) {
  if (!config.topic_cues_file.empty()) return config.topic_cues_file;
  constexpr char kName[] = "topic_cues.jsonl";
  std::filesystem::path sibling =
      std::filesystem::path(config.taxonomy_file).parent_path() / kName;
  std::error_code ec;
  if (std::filesystem::is_regular_file(sibling, ec)) return sibling.string();
  return std::string(CLAIMS_SOURCE_DATA_DIR) + "/taxonomy/" + kName;
}

// The lexical cues (topic_cues_wordnet.jsonl) beside the cue file in use,
// or none when that folder has no such file.
std::string LexicalCuesFile(const std::string& cue_file) {
  std::filesystem::path path =
      std::filesystem::path(cue_file).parent_path() / "topic_cues_wordnet.jsonl";
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) ? path.string() : "";
}

bool IsBlank(absl::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t len;
    if (!text::IsSpace(text::DecodeAt(s, i, &len))) return false;
    i += len;
  }
  return true;
}

// A dateline: capitalised place words, then a full date, at the very
// start of the first body paragraph ("LONDON 1996-08-30",
// "WASHINGTON, April 7, 2025 (Reuters) -").
std::optional<CivilDate> Dateline(absl::string_view body,
                                  const text::TextBlock& block,
                                  const TimexFinder& finder) {
  size_t end = std::min(block.end, block.start + 120);
  auto found = finder.Find(body, block.start, end, nullptr);
  for (const Timex& t : found) {
    if (!t.explicit_full) continue;
    if (t.start - block.start > 50) break;
    absl::string_view before = body.substr(block.start, t.start - block.start);
    bool place = true;
    for (char c : before) {
      if (absl::ascii_islower(static_cast<unsigned char>(c))) place = false;
    }
    if (place) return ParseIsoDate(t.value);
    break;
  }
  return std::nullopt;
}

claims::v1::Granularity Granularity(const Timex& t) { return t.granularity; }

// The syntax stage (tags, lemmas, dependencies of every sentence), then the
// entity stage (names of the whole article, one document for the tagger's
// document features; a long form an abbreviation defines is one name).
void AnalyzeSyntax(const ExtractorPipeline& p, std::vector<SentenceTokens>* sentences) {
  // Analysed in one vector (the tagger's input), then moved into place.
  std::vector<syntax::SyntaxSentence> words(sentences->size());
  for (size_t s = 0; s < sentences->size(); ++s) {
    const std::vector<text::Token>& tokens = (*sentences)[s].tokens;
    words[s].resize(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) words[s][i].form = std::string(tokens[i].text);
    AnalyzeSentence(*p.syntax, p.gazetteer.get(), p.lexicon.get(), text::DatelineLength(tokens),
                    &words[s]);
  }
  std::vector<std::vector<entities::EntitySpan>> names =
      p.entity_tagger->Tag(words, p.gazetteer.get());
  for (size_t s = 0; s < sentences->size(); ++s) {
    (*sentences)[s].words = std::move(words[s]);
    entities::JoinDefinedNames((*sentences)[s].words, &names[s]);
    (*sentences)[s].names = std::move(names[s]);
  }
}

}  // namespace

Extractor::Extractor(ExtractorConfig config, std::unique_ptr<KnowledgeBase> kb,
                     std::unique_ptr<Taxonomy> taxonomy)
    : config_(std::move(config)),
      kb_(std::move(kb)),
      taxonomy_(std::move(taxonomy)) {}

Extractor::~Extractor() = default;

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Create(
    const ExtractorConfig& config) {
  ASSIGN_OR_RETURN(std::unique_ptr<KnowledgeBase> kb,
                   KnowledgeBase::Load(config.kb_dir, config.kb_extra_file));
  ASSIGN_OR_RETURN(std::unique_ptr<Taxonomy> taxonomy,
                   Taxonomy::LoadFromFile(config.taxonomy_file, config.taxonomy_extra_file));
  auto pipeline = std::make_unique<ExtractorPipeline>();
  const std::string lexicon_dir = DataDir(config.lexicon_dir, config, "extract");
  ASSIGN_OR_RETURN(pipeline->lexicon, Lexicon::Load(lexicon_dir));
  if (!config.raw_confidence) {
    ASSIGN_OR_RETURN(pipeline->confidence,
                     ConfidenceCalibration::Load(lexicon_dir + "/confidence.tsv"));
  }
  ASSIGN_OR_RETURN(std::unique_ptr<SalienceCoreference> coreference,
                   SalienceCoreference::Load(lexicon_dir));
  // The mention stage tells namesakes apart with the same gender tables.
  const GenderCues* genders = coreference.get();
  pipeline->coreference = std::move(coreference);
  const std::string models = DataDir(config.models_dir, config, "models");
  ASSIGN_OR_RETURN(syntax::SyntaxModels syntax, syntax::SyntaxModels::Load(models));
  pipeline->syntax = std::make_unique<syntax::SyntaxModels>(std::move(syntax));
  // The knowledge base moves into the extractor below; the object stays.
  InstallInSyntax(*pipeline->lexicon, kb.get(), pipeline->syntax.get());
  const std::string entity_model = models + "/" + kEntityModelFile;
  absl::StatusOr<entities::EntityTagger> tagger = entities::EntityTagger::Load(entity_model);
  if (!tagger.ok()) {
    return absl::Status(tagger.status().code(),
                        absl::StrCat(entity_model, ": ", tagger.status().message()));
  }
  pipeline->entity_tagger = std::make_unique<entities::EntityTagger>(*std::move(tagger));
  std::vector<std::string> abbreviations(pipeline->lexicon->abbreviations().begin(),
                                         pipeline->lexicon->abbreviations().end());
  std::vector<std::string> closed_class(pipeline->lexicon->function_words().begin(),
                                        pipeline->lexicon->function_words().end());
  pipeline->splitter =
      std::make_unique<text::SentenceSplitter>(abbreviations, std::move(closed_class));
  pipeline->timex = std::make_unique<TimexFinder>();
  std::unique_ptr<Extractor> e(
      new Extractor(config, std::move(kb), std::move(taxonomy)));
  pipeline->gazetteer = std::make_unique<entities::KbGazetteer>(*e->kb_);
  pipeline->mentions =
      std::make_unique<MentionFinder>(*e->kb_, *pipeline->lexicon, genders,
                                      pipeline->syntax->parser().classes().get());
  ASSIGN_OR_RETURN(pipeline->groups, GroupActorFinder::Load(lexicon_dir, *e->kb_));
  TopicOptions topic_options;
  topic_options.inherit_article_topics = config.inherit_article_topics;
  topic_options.lexicon = pipeline->lexicon.get();
  const std::string topic_model = models + "/" + kTopicModelFile;
  std::error_code ec;
  if (config.use_topic_model && std::filesystem::is_regular_file(topic_model, ec)) {
    absl::StatusOr<TopicModel> loaded = TopicModel::Load(topic_model, *e->taxonomy_);
    if (!loaded.ok()) {
      return absl::Status(loaded.status().code(),
                          absl::StrCat(topic_model, ": ", loaded.status().message()));
    }
    pipeline->topic_model = std::make_unique<TopicModel>(*std::move(loaded));
    topic_options.model = pipeline->topic_model.get();
  }
  ASSIGN_OR_RETURN(pipeline->topics,
                   TopicStage::Load(*e->taxonomy_,
                                    {TopicCuesFile(config), LexicalCuesFile(TopicCuesFile(config)),
                                     config.topic_cues_extra_file},
                                    topic_options));
  pipeline->claims = std::make_unique<ClaimBuilder>(*pipeline->lexicon,
                                                   pipeline->syntax->parser().classes().get());
  e->pipeline_ = std::move(pipeline);
  e->version_ = absl::StrCat(kExtractorVersion, "+", e->kb_->version());
  return e;
}

absl::Status Extractor::CheckBody(const std::string& body) const {
  if (body.size() > config_.max_body_bytes) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "body is ", body.size(), " bytes; the limit is ", config_.max_body_bytes));
  }
  return text::ValidateText(body, "body");
}

absl::StatusOr<std::vector<SentenceTokens>> Extractor::Sentences(
    const std::string& body, const text::ArticleLayout& layout) const {
  const ExtractorPipeline& p = *pipeline_;
  std::vector<SentenceTokens> sentences;
  for (const text::TextBlock& block : layout.blocks) {
    for (auto [s, e] : p.splitter->Split(body, block.start, block.end)) {
      SentenceTokens st;
      st.start = s;
      st.end = e;
      st.section = block.section;
      st.tokens = text::Tokenize(body, s, e, 400, &p.lexicon->abbreviations());
      sentences.push_back(std::move(st));
      if (sentences.size() > config_.max_sentences) {
        return absl::ResourceExhaustedError(absl::StrCat(
            "article has more than ", config_.max_sentences, " sentences"));
      }
    }
  }
  AnalyzeSyntax(p, &sentences);
  return sentences;
}

absl::StatusOr<std::vector<SentenceTokens>> Extractor::AnalyzeSentences(
    const claims::v1::Article& article) const {
  const std::string& body = article.body();
  RETURN_IF_ERROR(CheckBody(body));
  ASSIGN_OR_RETURN(text::ArticleLayout layout, text::ParseLayout(body));
  return Sentences(body, layout);
}

absl::StatusOr<claims::v1::AnalyzeResponse> Extractor::Analyze(
    const claims::v1::Article& article,
    const text::ArticleLayout* given_layout) const {
  const ExtractorPipeline& p = *pipeline_;
  const std::string& body = article.body();
  // --- validation ---
  RETURN_IF_ERROR(CheckBody(body));
  RETURN_IF_ERROR(text::ValidateText(article.id(), "id"));
  RETURN_IF_ERROR(text::ValidateText(article.title(), "title"));
  RETURN_IF_ERROR(text::ValidateText(article.url(), "url"));
  RETURN_IF_ERROR(text::ValidateText(article.published(), "published"));
  for (const auto& a : article.authors()) {
    RETURN_IF_ERROR(text::ValidateText(a, "author"));
  }
  if (IsBlank(body)) {
    return absl::InvalidArgumentError("body is empty or only white space");
  }
  std::optional<CivilDate> request_date;
  if (!article.published().empty()) {
    request_date = ParseIsoDate(article.published());
    if (!request_date) {
      return absl::InvalidArgumentError(absl::StrCat(
          "published \"", article.published().substr(0, 40),
          "\" is not an ISO 8601 date or date-time"));
    }
  }
  text::ArticleLayout layout;
  if (given_layout != nullptr) {
    layout = *given_layout;
  } else {
    ASSIGN_OR_RETURN(layout, text::ParseLayout(body));
  }
  std::optional<CivilDate> header_date;
  if (!layout.date_text.empty()) {
    header_date = p.timex->ParseDateLine(layout.date_text);
    if (!header_date) {
      return absl::InvalidArgumentError(absl::StrCat(
          "malformed date \"", layout.date_text.substr(0, 40),
          "\" in the plain-text header"));
    }
  }

  ASSIGN_OR_RETURN(std::vector<SentenceTokens> sentences, Sentences(body, layout));

  // --- publication date ---
  claims::v1::AnalyzeResponse response;
  claims::v1::StoredArticle* stored = response.mutable_article();
  std::optional<CivilDate> anchor;
  if (request_date) {
    anchor = request_date;
    stored->set_published_source(claims::v1::DATE_SOURCE_REQUEST);
  } else if (header_date) {
    anchor = header_date;
    stored->set_published_source(claims::v1::DATE_SOURCE_TEXT);
  } else {
    for (const auto& block : layout.blocks) {
      if (block.section == claims::v1::SECTION_TITLE ||
          block.section == claims::v1::SECTION_BYLINE) {
        continue;
      }
      anchor = Dateline(body, block, *p.timex);
      // Only the first two paragraphs can hold a dateline.
      if (anchor || &block - &layout.blocks[0] > 2) break;
    }
    if (anchor) {
      stored->set_published_source(claims::v1::DATE_SOURCE_TEXT);
    } else {
      // Latest explicit full date in the text.
      for (const auto& s : sentences) {
        for (const Timex& t : p.timex->Find(body, s.start, s.end, nullptr)) {
          if (!t.explicit_full) continue;
          auto d = ParseIsoDate(t.value);
          if (d && (!anchor || DaysFromCivil(d->year, d->month, d->day) >
                                   DaysFromCivil(anchor->year, anchor->month, anchor->day))) {
            anchor = d;
          }
        }
      }
      stored->set_published_source(anchor ? claims::v1::DATE_SOURCE_INFERRED
                                          : claims::v1::DATE_SOURCE_UNKNOWN);
    }
  }
  const std::string published = anchor ? FormatDay(*anchor) : "";

  // --- article identity ---
  claims::v1::Article* out_article = stored->mutable_article();
  *out_article = article;
  if (out_article->title().empty()) out_article->set_title(layout.title);
  if (out_article->authors().empty()) {
    for (const auto& a : layout.authors) out_article->add_authors(a);
  }
  const std::string content_hash = ArticleContentHash(article);
  const std::string article_id =
      article.id().empty() ? DerivedArticleId(content_hash) : article.id();
  out_article->set_id(article_id);
  stored->set_effective_published(published);
  stored->set_content_hash(content_hash);
  stored->set_extractor_version(version_);

  // --- time expressions ---
  // An article that keeps talking about quarters reports quarterly results.
  int quarter_words = 0;
  for (const auto& s : sentences) {
    for (const auto& t : s.tokens) {
      if (t.text == "quarter" || t.text == "quarterly") ++quarter_words;
    }
  }
  std::vector<std::vector<Timex>> timexes(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    timexes[i] = p.timex->Find(body, sentences[i].start, sentences[i].end,
                               anchor ? &*anchor : nullptr, quarter_words >= 3);
    for (const Timex& t : timexes[i]) {
      auto* tx = response.add_timexes();
      tx->set_start(static_cast<uint32_t>(t.start));
      tx->set_end(static_cast<uint32_t>(t.end));
      tx->set_text(body.substr(t.start, t.end - t.start));
      tx->set_value(t.value);
      tx->set_granularity(Granularity(t));
      tx->set_relative(t.relative);
      tx->set_sentence(static_cast<uint32_t>(i));
    }
  }

  // --- mentions ---
  std::vector<std::string> authors(out_article->authors().begin(),
                                   out_article->authors().end());
  MentionResult mentions = p.mentions->Find(body, sentences, published, authors);
  p.groups->Find(sentences, &mentions);
  p.coreference->Resolve(body, sentences, &mentions);
  std::vector<std::vector<const FoundMention*>> by_sentence(sentences.size());
  for (const FoundMention& m : mentions.mentions) {
    by_sentence[static_cast<size_t>(m.sentence)].push_back(&m);
    auto* pm = response.add_mentions();
    pm->set_start(static_cast<uint32_t>(m.start));
    pm->set_end(static_cast<uint32_t>(m.end));
    pm->set_text(body.substr(m.start, m.end - m.start));
    pm->set_type(m.type);
    if (m.actor >= 0) pm->set_actor_id(mentions.actors[static_cast<size_t>(m.actor)].id);
    pm->set_sentence(static_cast<uint32_t>(m.sentence));
    pm->set_evidence(m.evidence);
    pm->set_kind(m.coreference ? claims::v1::MENTION_COREFERENCE
                 : m.is_name   ? claims::v1::MENTION_NAME
                               : claims::v1::MENTION_ROLE);
  }

  // --- topics, pass 1: each sentence's cues, then the article's topics ---
  TopicStage::ArticleScores topic_scores;
  if (config_.assign_topics) {
    topic_scores = p.topics->ScoreArticle(sentences);
  } else {
    topic_scores.sentences.resize(sentences.size());
  }
  const std::vector<SentenceTopics>& sentence_topics = topic_scores.sentences;
  const ArticleTopics& article_topics = topic_scores.article;
  for (const std::string& id : p.topics->Ids(article_topics)) stored->add_topics(id);
  absl::flat_hash_map<std::string, const ArticleActor*> actor_by_id;
  for (const ArticleActor& a : mentions.actors) actor_by_id.emplace(a.id, &a);

  // --- sentences and claims (topics, pass 2: per claim) ---
  int last_person = -1;
  const Timex* caption_time = nullptr;
  uint32_t ordinal = 0;
  const std::vector<int> quoted_by = QuotationAttributions(body, sentences);
  for (size_t i = 0; i < sentences.size(); ++i) {
    const SentenceTokens& s = sentences[i];
    auto* ps = response.add_sentences();
    ps->set_start(static_cast<uint32_t>(s.start));
    ps->set_end(static_cast<uint32_t>(s.end));
    ps->set_section(s.section);
    ps->set_text(body.substr(s.start, s.end - s.start));

    if (config_.assign_topics) {
      claims::v1::Claim sentence_only;  // no event type, no actors
      sentence_only.set_section(s.section);
      p.topics->Assign(sentence_topics[i], article_topics, actor_by_id, &sentence_only);
      *ps->mutable_topics() = std::move(*sentence_only.mutable_topics());
    }
    SentenceContext ctx;
    ctx.sentence = &s;
    ctx.mentions = by_sentence[i];
    for (const Timex& t : timexes[i]) ctx.timexes.push_back(&t);
    ctx.last_person = last_person;
    ctx.quoted = quoted_by[i] >= 0;
    if (s.section == claims::v1::SECTION_CAPTION) {
      for (const Timex& t : timexes[i]) {
        if (t.granularity != claims::v1::GRANULARITY_UNSPECIFIED) {
          caption_time = &t;
          break;
        }
      }
      ctx.inherited_time = caption_time;
    } else {
      caption_time = nullptr;
    }
    for (claims::v1::Claim& c : p.claims->Build(body, ctx, mentions.actors)) {
      if (config_.assign_topics) {
        p.topics->Assign(sentence_topics[i], article_topics, actor_by_id, &c);
      }
      c.set_id(absl::StrCat(article_id, ":", ordinal++));
      c.set_article_id(article_id);
      c.set_published(published);
      c.set_extractor_version(version_);
      c.set_confidence(p.confidence.Apply(c.confidence()));
      *response.add_claims() = std::move(c);
    }
    for (const FoundMention* m : by_sentence[i]) {
      if (m->actor >= 0 &&
          mentions.actors[static_cast<size_t>(m->actor)].type == claims::v1::PERSON) {
        last_person = m->actor;
      }
    }
  }
  AttributeQuotations(body, quoted_by, sentences, response.mutable_claims());
  stored->set_claim_count(static_cast<uint32_t>(response.claims_size()));

  // --- actors ---
  absl::flat_hash_set<std::string> referenced;
  for (const auto& m : response.mentions()) {
    if (!m.actor_id().empty()) referenced.insert(m.actor_id());
  }
  for (const ArticleActor& a : mentions.actors) {
    if (!referenced.contains(a.id)) continue;
    auto* pa = response.add_actors();
    pa->set_id(a.id);
    pa->set_name(a.name);
    pa->set_type(a.type);
    absl::flat_hash_set<std::string> seen = {a.name};
    auto add_alias = [&](const std::string& alias) {
      if (static_cast<size_t>(pa->aliases_size()) >= kMaxAliasesPerActor) return;
      if (seen.insert(alias).second) pa->add_aliases(alias);
    };
    for (const auto& t : a.mention_texts) add_alias(t);
    // People are looked up by surname too ("Dombrovskis"), as the article
    // itself would refer to them later.
    if (a.type == claims::v1::PERSON) {
      const size_t space = a.name.rfind(' ');
      if (space != std::string::npos && space + 1 < a.name.size()) {
        add_alias(a.name.substr(space + 1));
      }
    }
    if (a.kb_index >= 0) {
      const KbActor& k = kb_->actor(a.kb_index);
      for (const auto& alias : k.aliases) add_alias(alias);
      pa->set_country(k.country);
      pa->set_role(k.role);
    }
  }
  return response;
}

}  // namespace claims
