#include "common/extract/topics.h"

#include <algorithm>
#include <set>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/entities/entity_types.h"
#include "common/kb/jsonl.h"
#include "common/kb/kb_entry.pb.h"
#include "common/syntax/syntax_types.h"

namespace claims {

namespace {

// A topic needs this score to be assigned: one plain cue, or two weak ones.
constexpr float kThreshold = 1.0f;
// Added to a cued topic whose top-level topic is one of the article's
// main ones: a weak cue (0.5) counts inside the story, not outside it.
constexpr float kArticlePrior = 0.5f;
// A top-level topic is one of the article's main ones when its sentences
// reach this share of the best top-level's.
constexpr float kTopLevelShare = 0.5f;
// At most this many main top-level topics act as the prior.
constexpr size_t kMaxPriorTopLevels = 2;
// The lede (the first sentence with topics) says what the story is about:
// its topics count this many times when the article's topics are ranked.
constexpr float kLedeWeight = 2.0f;
// A cue that is a person's title ("Chief executive Jane Doe", "Defence
// Secretary John Smith") or the subject of a saying verb ("Police said")
// describes the speaker, not what the sentence is about: its weight is
// multiplied by this.
constexpr float kSpeakerFactor = 0.5f;
// The topic model's score a child topic needs for the top-down search to
// go into it (TopicStage::ApplyModel).
constexpr float kModelDescend = 0.0f;
// How much a cued topic's own model score (which tells it from its
// siblings) counts beside its branch's score (tuned on the topic
// development sets).
constexpr float kWithinBranchWeight = 2.0f;

}  // namespace

struct TopicStage::Cue {
  int topic = -1;
  int entry = -1;  // the cue file line (or taxonomy rule) it comes from
  float weight = 1;
  std::string label;       // the first word or feature, for evidence
  uint32_t upos_mask = 0;  // bit per syntax::Upos; 0 = any
  std::vector<std::string> with, near, without;
  std::vector<int> with_article;  // topic indices
  bool conditional() const {
    return !with.empty() || !near.empty() || !with_article.empty();
  }
};

TopicStage::TopicStage(const Taxonomy& taxonomy, TopicOptions options)
    : taxonomy_(taxonomy), options_(options) {
  const auto& topics = taxonomy_.topics();
  for (size_t i = 0; i < topics.size(); ++i) {
    topic_index_[topics[i].id()] = static_cast<int>(i);
  }
  top_level_.resize(topics.size());
  depth_.resize(topics.size());
  for (size_t i = 0; i < topics.size(); ++i) {
    const std::string& id = topics[i].id();
    auto it = topic_index_.find(std::string(Taxonomy::TopLevel(id)));
    top_level_[i] = it == topic_index_.end() ? static_cast<int>(i) : it->second;
    depth_[i] = static_cast<int>(std::count(id.begin(), id.end(), '/'));
  }
  children_.resize(topics.size());
  for (size_t i = 0; i < topics.size(); ++i) {
    auto parent = topic_index_.find(topics[i].parent());
    if (parent == topic_index_.end()) continue;
    children_[static_cast<size_t>(parent->second)].push_back(static_cast<int>(i));
  }
}

TopicStage::~TopicStage() = default;

absl::StatusOr<std::unique_ptr<TopicStage>> TopicStage::Load(
    const Taxonomy& taxonomy, const std::vector<std::string>& cue_files,
    TopicOptions options) {
  std::unique_ptr<TopicStage> stage(new TopicStage(taxonomy, options));
  // The taxonomy's own keywords are plain cues (an operator's extension
  // file may add some).
  for (const Taxonomy::Rule& rule : taxonomy.rules()) {
    for (const std::string& keyword : rule.keywords) {
      Cue cue;
      cue.entry = static_cast<int>(stage->cues_.size());
      cue.topic = stage->topic_index_.at(rule.topic);
      cue.label = keyword;
      stage->cues_.push_back(std::move(cue));
      std::vector<std::string> words = absl::StrSplit(keyword, ' ', absl::SkipEmpty());
      if (words.empty()) continue;
      PhraseRef ref{static_cast<int>(stage->cues_.size()) - 1,
                    std::vector<std::string>(words.begin() + 1, words.end())};
      stage->by_first_word_[words[0]].push_back(std::move(ref));
    }
  }
  for (const std::string& path : cue_files) {
    if (path.empty()) continue;
    absl::Status s = stage->AddFile(path);
    if (!s.ok()) return s;
  }
  return stage;
}

absl::Status TopicStage::AddFile(const std::string& path) {
  return kb::ReadJsonLines(
      path, kb::TopicCue(),
      [&](const google::protobuf::Message& message, int) -> absl::Status {
        const auto& entry = static_cast<const kb::TopicCue&>(message);
        auto topic = topic_index_.find(taxonomy_.Canonical(entry.topic()));
        if (topic == topic_index_.end()) {
          return absl::InvalidArgumentError(
              absl::StrCat("topic \"", entry.topic(), "\" is not in the taxonomy"));
        }
        if (entry.words().empty() && entry.event_types().empty() &&
            entry.actor_roles().empty()) {
          return absl::InvalidArgumentError(
              "a cue needs words, event_types or actor_roles");
        }
        if (entry.weight() < 0) return absl::InvalidArgumentError("negative weight");
        Cue cue;
        cue.entry = static_cast<int>(cues_.size());
        cue.topic = topic->second;
        cue.weight = entry.weight() == 0 ? 1.0f : entry.weight();
        for (const std::string& u : entry.upos()) {
          std::optional<syntax::Upos> tag = syntax::ParseUpos(u);
          if (!tag) return absl::InvalidArgumentError(absl::StrCat("unknown UPOS \"", u, "\""));
          cue.upos_mask |= 1u << static_cast<unsigned>(*tag);
        }
        cue.with.assign(entry.with().begin(), entry.with().end());
        cue.near.assign(entry.near().begin(), entry.near().end());
        cue.without.assign(entry.without().begin(), entry.without().end());
        for (const std::string& t : entry.with_article()) {
          auto it = topic_index_.find(taxonomy_.Canonical(t));
          if (it == topic_index_.end()) {
            return absl::InvalidArgumentError(
                absl::StrCat("with_article topic \"", t, "\" is not in the taxonomy"));
          }
          cue.with_article.push_back(it->second);
        }
        auto add = [&](std::string label) {
          Cue c = cue;
          c.label = std::move(label);
          cues_.push_back(std::move(c));
          return static_cast<int>(cues_.size()) - 1;
        };
        for (const std::string& phrase : entry.words()) {
          std::vector<std::string> words = absl::StrSplit(phrase, ' ', absl::SkipEmpty());
          if (words.empty() || absl::AsciiStrToLower(phrase) != phrase) {
            return absl::InvalidArgumentError(
                absl::StrCat("cue word \"", phrase, "\" must be non-empty lower case"));
          }
          int index = add(phrase);
          by_first_word_[words[0]].push_back(
              {index, std::vector<std::string>(words.begin() + 1, words.end())});
        }
        for (const std::string& type : entry.event_types()) {
          by_event_type_[type].push_back(add(absl::StrCat("event:", type)));
        }
        for (const std::string& role : entry.actor_roles()) {
          by_actor_role_[role].push_back(add(absl::StrCat("actor:", role)));
        }
        return absl::OkStatus();
      });
}

namespace {

void AddScore(int topic, float weight, const std::string& cue,
              std::vector<ScoredTopic>* scored) {
  for (ScoredTopic& s : *scored) {
    if (s.topic == topic) {
      s.score += weight;
      return;
    }
  }
  scored->push_back({topic, weight, cue});
}

}  // namespace

bool TopicStage::IsSpeaker(const syntax::SyntaxSentence& words, size_t i) const {
  if (options_.lexicon == nullptr || words[i].rel != syntax::DepRel::kNsubj) return false;
  const int head = words[i].head;
  if (head < 0 || static_cast<size_t>(head) >= words.size() ||
      words[static_cast<size_t>(head)].upos != syntax::Upos::kVerb) {
    return false;
  }
  // Only saying: the subject of a stance verb ("unions backed the ban") is
  // often what the sentence is about.
  return options_.lexicon->IsSpeechVerb(
      absl::AsciiStrToLower(words[static_cast<size_t>(head)].lemma));
}

SentenceTopics TopicStage::ScoreSentence(const SentenceTokens& s) const {
  SentenceTopics out;
  const size_t n = s.tokens.size();
  const bool analysed = s.words.size() == n;
  // Each word's lower-case form and lemma.
  std::vector<std::string> lemmas(n);
  absl::flat_hash_set<absl::string_view> bag;
  bag.reserve(2 * n);
  for (size_t i = 0; i < n; ++i) {
    bag.insert(s.tokens[i].lower);
    if (analysed) {
      lemmas[i] = absl::AsciiStrToLower(s.words[i].lemma);
      bag.insert(lemmas[i]);
    }
  }
  auto is = [&](size_t i, const std::string& w) {
    return s.tokens[i].lower == w || (analysed && lemmas[i] == w);
  };
  // The sentence as " form form ... " and " lemma lemma ... ", for
  // licensing phrases ("trade war").
  std::string forms = " ", lemma_text = " ";
  for (size_t i = 0; i < n; ++i) {
    absl::StrAppend(&forms, s.tokens[i].lower, " ");
    if (analysed) absl::StrAppend(&lemma_text, lemmas[i], " ");
  }
  auto has = [&](const std::string& w) {
    if (w.find(' ') == std::string::npos) return bag.contains(w);
    const std::string padded = absl::StrCat(" ", w, " ");
    return absl::StrContains(forms, padded) || absl::StrContains(lemma_text, padded);
  };
  auto any_in_bag = [&](const std::vector<std::string>& words) {
    for (const std::string& w : words) {
      if (has(w)) return true;
    }
    return false;
  };
  // Words that begin a person's name, for titles before names.
  absl::flat_hash_set<size_t> person_starts;
  for (const entities::EntitySpan& span : s.names) {
    if (span.type == entities::EntityType::kPerson && span.begin >= 0) {
      person_starts.insert(static_cast<size_t>(span.begin));
    }
  }
  absl::flat_hash_set<int> fired;
  for (size_t i = 0; i < n; ++i) {
    if (!s.tokens[i].is_word && !s.tokens[i].is_number) continue;
    for (int k = 0; k < 2; ++k) {
      const std::string& key = k == 0 ? s.tokens[i].lower : lemmas[i];
      if (key.empty() || (k == 1 && key == s.tokens[i].lower)) continue;
      auto it = by_first_word_.find(key);
      if (it == by_first_word_.end()) continue;
      for (const PhraseRef& ref : it->second) {
        if (fired.contains(cues_[static_cast<size_t>(ref.cue)].entry)) continue;
        const size_t last = i + ref.rest.size();
        if (last >= n) continue;
        bool match = true;
        for (size_t r = 0; r < ref.rest.size() && match; ++r) {
          match = is(i + 1 + r, ref.rest[r]);
        }
        if (!match) continue;
        const Cue& cue = cues_[static_cast<size_t>(ref.cue)];
        if (cue.upos_mask != 0 &&
            (!analysed ||
             (cue.upos_mask & (1u << static_cast<unsigned>(s.words[last].upos))) == 0)) {
          continue;
        }
        if (any_in_bag(cue.without)) continue;
        std::string label = cue.label;
        bool licensed = !cue.conditional();
        for (const std::string& w : cue.with) {
          if (licensed) break;
          if (has(w)) {
            licensed = true;
            absl::StrAppend(&label, "+", w);
          }
        }
        if (!licensed && analysed && !cue.near.empty()) {
          // The word the cue word hangs on, and the words hanging on it.
          const int head = s.words[last].head;
          for (const std::string& w : cue.near) {
            bool tied = head >= 0 && is(static_cast<size_t>(head), w);
            for (size_t j = 0; j < n && !tied; ++j) {
              tied = s.words[j].head == static_cast<int>(last) && is(j, w);
            }
            if (tied) {
              licensed = true;
              absl::StrAppend(&label, "~", w);
              break;
            }
          }
        }
        fired.insert(cue.entry);  // a cue file line counts once a sentence
        out.fired.push_back(
            {taxonomy_.topics()[static_cast<size_t>(cue.topic)].id(), cue.weight < 1.0f});
        float weight = cue.weight;
        if (person_starts.contains(last + 1)) {
          weight *= kSpeakerFactor;
          absl::StrAppend(&label, "(title)");
        } else if (analysed && IsSpeaker(s.words, last)) {
          weight *= kSpeakerFactor;
          absl::StrAppend(&label, "(speaker)");
        }
        if (licensed) {
          AddScore(cue.topic, weight, label, &out.scored);
        } else if (!cue.with_article.empty()) {
          out.pending.push_back({cue.topic, weight, label});
          out.pending_license.push_back(ref.cue);
        }
      }
    }
  }
  return out;
}

TopicStage::ArticleScores TopicStage::ScoreArticle(
    const std::vector<SentenceTokens>& sentences) const {
  ArticleScores scores;
  scores.sentences.reserve(sentences.size());
  for (const SentenceTokens& s : sentences) scores.sentences.push_back(ScoreSentence(s));
  scores.article = RankArticle(scores.sentences);
  if (options_.model == nullptr) return scores;
  const std::vector<std::string> branches = Branches(scores.article);
  for (size_t i = 0; i < sentences.size(); ++i) {
    ApplyModel(sentences[i], branches, &scores.sentences[i]);
  }
  scores.article = RankArticle(scores.sentences);
  return scores;
}

std::vector<std::string> TopicStage::Branches(const ArticleTopics& article) const {
  std::vector<std::string> ids;
  for (int t : article.top_levels) ids.push_back(taxonomy_.topics()[static_cast<size_t>(t)].id());
  return ids;
}

void TopicStage::ApplyModel(const SentenceTokens& s, absl::Span<const std::string> branches,
                            SentenceTopics* out) const {
  learn::FeatureVector f;
  TopicModel::Features(s, out->fired, branches, &f, nullptr);
  std::vector<float> m;
  options_.model->Score(f.keys(), &m);
  const float blend = options_.model->blend();
  // Each class is trained with the sentences of its whole subtree, so the
  // top levels learn from hundreds of sentences and the leaves from a few:
  // the model judges a cued topic by its branch, and the cue picks the
  // topic inside the branch.
  std::vector<std::string> names;
  absl::flat_hash_set<int> cued;  // top-level topics
  for (ScoredTopic& t : out->scored) {
    const int top = top_level_[static_cast<size_t>(t.topic)];
    cued.insert(top);
    float model = m[static_cast<size_t>(top)];
    if (t.topic != top) {
      // The topic's own class was trained inside its parent's subtree: it
      // picks among siblings, so it speaks for the cue only once the model
      // holds the sentence is in the branch; outside, it can only count
      // against it.
      const float within = m[static_cast<size_t>(t.topic)];
      model += kWithinBranchWeight * (model < 0 ? std::min(within, 0.0f) : within);
    }
    // Positive confirms the cue, negative overrules it (a hand-written cue
    // too: on the blind development set that is worth more than it costs).
    t.score += blend * model;
  }
  // A cued topic below the top level with children of its own (a generic
  // cue: "race" for motor racing or athletics) goes down into the child the
  // model holds the sentence is about; a bare top-level topic is left to
  // the article's own topic (Specialise).
  const size_t cued_count = out->scored.size();
  for (size_t i = 0; i < cued_count; ++i) {
    ScoredTopic& t = out->scored[i];
    if (depth_[static_cast<size_t>(t.topic)] == 0) continue;
    const int node = Descend(m, t.topic);
    const bool taken = std::any_of(out->scored.begin(), out->scored.end(),
                                   [&](const ScoredTopic& o) { return o.topic == node; });
    if (taken) continue;  // the topic itself, or a child another cue named
    t.topic = node;
    absl::StrAppend(&t.cue, ">model");
  }
  // A branch no cue named, where the model alone could reach the threshold
  // (with the article prior): its topic is found top-down, into the best
  // child while the model holds the sentence is in it.
  for (size_t t = 0; t < m.size(); ++t) {
    if (top_level_[t] != static_cast<int>(t)) continue;
    const float score = blend * m[t];
    if (score < kThreshold - kArticlePrior || cued.contains(static_cast<int>(t))) continue;
    const int node = Descend(m, static_cast<int>(t));
    // Feature names only when evidence needs them (rarely: most branches
    // have a cue). The evidence is what put the sentence in the branch: a
    // class below judges only among siblings, often from its bias alone.
    if (names.empty()) TopicModel::Features(s, out->fired, branches, &f, &names);
    const std::string feature =
        options_.model->StrongestFeature(f.keys(), names, static_cast<int>(t));
    out->scored.push_back({node, score, absl::StrCat("model:", feature)});
  }
}

int TopicStage::Descend(const std::vector<float>& m, int node) const {
  for (;;) {
    int best = -1;
    for (int child : children_[static_cast<size_t>(node)]) {
      if (best < 0 || m[static_cast<size_t>(child)] > m[static_cast<size_t>(best)]) best = child;
    }
    if (best < 0 || m[static_cast<size_t>(best)] <= kModelDescend) return node;
    node = best;
  }
}

namespace {

// Topics at or over the threshold, without the ancestors of others, best
// (then most specific) first, at most `max`.
std::vector<ScoredTopic> Select(std::vector<ScoredTopic> candidates,
                                const std::vector<claims::v1::Topic>& topics,
                                const std::vector<int>& depth, size_t max) {
  std::vector<ScoredTopic> kept;
  for (ScoredTopic& c : candidates) {
    if (c.score >= kThreshold) kept.push_back(std::move(c));
  }
  std::vector<ScoredTopic> out;
  for (const ScoredTopic& k : kept) {
    const std::string& id = topics[static_cast<size_t>(k.topic)].id();
    bool has_descendant = std::any_of(kept.begin(), kept.end(), [&](const ScoredTopic& o) {
      return o.topic != k.topic &&
             Taxonomy::IsSelfOrAncestor(id, topics[static_cast<size_t>(o.topic)].id());
    });
    if (!has_descendant) out.push_back(k);
  }
  std::stable_sort(out.begin(), out.end(), [&](const ScoredTopic& a, const ScoredTopic& b) {
    if (a.score != b.score) return a.score > b.score;
    return depth[static_cast<size_t>(a.topic)] > depth[static_cast<size_t>(b.topic)];
  });
  if (out.size() > max) out.resize(max);
  return out;
}

}  // namespace

ArticleTopics TopicStage::RankArticle(const std::vector<SentenceTopics>& sentences) const {
  ArticleTopics article;
  absl::flat_hash_map<int, float> count;
  absl::flat_hash_map<int, float> top_count;
  bool lede_seen = false;
  for (const SentenceTopics& s : sentences) {
    absl::flat_hash_set<int> tops;
    const std::vector<ScoredTopic> selected = Select(
        s.scored, taxonomy_.topics(), depth_, static_cast<size_t>(options_.max_claim_topics));
    const float weight = !lede_seen && !selected.empty() ? kLedeWeight : 1.0f;
    if (!selected.empty()) lede_seen = true;
    for (const ScoredTopic& t : selected) {
      count[t.topic] += weight;
      tops.insert(top_level_[static_cast<size_t>(t.topic)]);
    }
    for (int t : tops) top_count[t] += weight;
  }
  for (const auto& [topic, n] : count) article.ranked.push_back({topic, n, ""});
  // Ties go to the topic whose top-level branch holds more of the story.
  auto branch = [&](const ScoredTopic& t) {
    auto it = top_count.find(top_level_[static_cast<size_t>(t.topic)]);
    return it == top_count.end() ? 0.0f : it->second;
  };
  std::sort(article.ranked.begin(), article.ranked.end(),
            [&](const ScoredTopic& a, const ScoredTopic& b) {
              if (a.score != b.score) return a.score > b.score;
              if (branch(a) != branch(b)) return branch(a) > branch(b);
              if (depth_[static_cast<size_t>(a.topic)] != depth_[static_cast<size_t>(b.topic)]) {
                return depth_[static_cast<size_t>(a.topic)] > depth_[static_cast<size_t>(b.topic)];
              }
              return a.topic < b.topic;
            });
  if (article.ranked.size() > static_cast<size_t>(options_.max_article_topics)) {
    article.ranked.resize(static_cast<size_t>(options_.max_article_topics));
  }
  std::vector<std::pair<float, int>> tops;
  for (const auto& [topic, n] : top_count) tops.push_back({n, topic});
  std::sort(tops.begin(), tops.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (const auto& [n, topic] : tops) {
    if (article.top_levels.size() >= kMaxPriorTopLevels || n < kTopLevelShare * tops[0].first) {
      break;
    }
    article.top_levels.push_back(topic);
  }
  return article;
}

bool TopicStage::ArticleLicenses(const Cue& cue, const ArticleTopics& article) const {
  const auto& topics = taxonomy_.topics();
  for (int want : cue.with_article) {
    const std::string& id = topics[static_cast<size_t>(want)].id();
    for (const ScoredTopic& t : article.ranked) {
      if (Taxonomy::IsSelfOrAncestor(id, topics[static_cast<size_t>(t.topic)].id())) return true;
    }
    for (int t : article.top_levels) {
      if (t == want) return true;
    }
  }
  return false;
}

void TopicStage::Assign(
    const SentenceTopics& sentence, const ArticleTopics& article,
    const absl::flat_hash_map<std::string, const ArticleActor*>& actors,
    claims::v1::Claim* claim) const {
  std::vector<ScoredTopic> candidates = sentence.scored;
  for (size_t p = 0; p < sentence.pending.size(); ++p) {
    const Cue& cue = cues_[static_cast<size_t>(sentence.pending_license[p])];
    if (!ArticleLicenses(cue, article)) continue;
    AddScore(sentence.pending[p].topic, sentence.pending[p].score,
             absl::StrCat(sentence.pending[p].cue, "@article"), &candidates);
  }
  auto feature = [&](const absl::flat_hash_map<std::string, std::vector<int>>& index,
                     const std::string& key) {
    if (key.empty()) return;
    auto it = index.find(key);
    if (it == index.end()) return;
    for (int c : it->second) {
      const Cue& cue = cues_[static_cast<size_t>(c)];
      if (!cue.with_article.empty() && !ArticleLicenses(cue, article)) continue;
      AddScore(cue.topic, cue.weight, cue.label, &candidates);
    }
  };
  feature(by_event_type_, claim->event_type());
  // Ordered, so that ties between cues resolve the same way on every run.
  std::set<std::string> roles;
  auto add_roles = [&](const auto& refs) {
    for (const claims::v1::ActorRef& ref : refs) {
      auto it = actors.find(ref.id());
      if (it == actors.end()) continue;
      if (!it->second->role.empty()) roles.insert(it->second->role);
      if (!it->second->kind.empty()) roles.insert(it->second->kind);
    }
  };
  add_roles(claim->subjects());
  add_roles(claim->objects());
  add_roles(claim->participants());
  for (const std::string& role : roles) feature(by_actor_role_, role);
  // The article prior: a cued topic inside one of the story's main
  // top-level topics needs less evidence, unless the sentence already has a
  // topic of that branch on its own (the prior finds the sentence's topic
  // in the story; it does not add a second one beside it).
  absl::flat_hash_set<int> settled;
  for (const ScoredTopic& c : candidates) {
    if (c.score >= kThreshold) settled.insert(top_level_[static_cast<size_t>(c.topic)]);
  }
  for (ScoredTopic& c : candidates) {
    const int top = top_level_[static_cast<size_t>(c.topic)];
    if (!settled.contains(top) &&
        std::find(article.top_levels.begin(), article.top_levels.end(), top) !=
            article.top_levels.end()) {
      c.score += kArticlePrior;
    }
  }
  std::vector<ScoredTopic> chosen = Select(std::move(candidates), taxonomy_.topics(), depth_,
                                           static_cast<size_t>(options_.max_claim_topics));
  if (chosen.empty() && options_.inherit_article_topics && !article.ranked.empty() &&
      claim->section() != claims::v1::SECTION_BYLINE) {
    chosen.push_back({article.ranked[0].topic, 0, "article"});
  }
  Specialise(article, &chosen);
  claim->clear_topics();
  for (const ScoredTopic& t : chosen) {
    const std::string& id = taxonomy_.topics()[static_cast<size_t>(t.topic)].id();
    claim->add_topics(id);
    auto* e = claim->add_evidence();
    e->set_field("topics");
    e->set_cue(absl::StrCat(id, " <- ", t.cue));
  }
}

void TopicStage::Specialise(const ArticleTopics& article,
                            std::vector<ScoredTopic>* chosen) const {
  const auto& topics = taxonomy_.topics();
  for (ScoredTopic& c : *chosen) {
    // Only a bare top-level topic: a mid-level one ("armed conflict") is
    // often the right answer in its own right.
    if (depth_[static_cast<size_t>(c.topic)] != 0) continue;
    const std::string& id = topics[static_cast<size_t>(c.topic)].id();
    for (const ScoredTopic& a : article.ranked) {
      if (a.topic == c.topic ||
          !Taxonomy::IsSelfOrAncestor(id, topics[static_cast<size_t>(a.topic)].id())) {
        continue;
      }
      const bool taken = std::any_of(chosen->begin(), chosen->end(),
                                     [&](const ScoredTopic& o) { return o.topic == a.topic; });
      if (!taken) {
        c.topic = a.topic;
        absl::StrAppend(&c.cue, ">article");
      }
      break;
    }
  }
}

std::vector<std::string> TopicStage::Ids(const ArticleTopics& article) const {
  std::vector<std::string> ids;
  for (const ScoredTopic& t : article.ranked) {
    ids.push_back(taxonomy_.topics()[static_cast<size_t>(t.topic)].id());
  }
  return ids;
}

}  // namespace claims
