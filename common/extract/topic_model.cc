#include "common/extract/topic_model.h"

#include <algorithm>
#include <random>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/entities/entity_types.h"
#include "common/syntax/syntax_types.h"

namespace claims {
namespace {

using learn::FeatureVector;
using learn::HashString;
using syntax::DepRel;
using syntax::Upos;

// Feature templates. DO NOT CHANGE without bumping kFeatureVersion.
enum Template : uint32_t {
  kBias = 1,
  kLemma = 2,       // a content word's lemma
  kPair = 3,        // content head lemma > content dependent lemma
  kPredicate = 4,   // the root's lemma
  kNameType = 5,    // an entity type present
  kName = 6,        // a name's lower-case text
  kCue = 7,         // a hand-written cue's topic fired
  kWeakCue = 8,     // a generated lexical cue's topic fired
  kCueBranch = 9,   // the top-level topic of any fired cue
  kArticle = 10,    // a top-level topic of the article (from its cues)
};

bool IsContent(Upos upos) {
  return upos == Upos::kNoun || upos == Upos::kVerb || upos == Upos::kAdj ||
         upos == Upos::kPropn;
}

// Lower-case lemma, or the form for a proper noun (its lemma is the form).
std::string Key(const SentenceTokens& s, size_t i) {
  const syntax::SyntaxWord& w = s.words[i];
  return absl::AsciiStrToLower(w.upos == Upos::kPropn || w.lemma.empty() ? w.form : w.lemma);
}

class Builder {
 public:
  Builder(FeatureVector* f, std::vector<std::string>* names) : f_(f), names_(names) {}
  void Add(Template t, const std::string& value, absl::string_view prefix) {
    f_->Add(t, HashString(value));
    if (names_ != nullptr) names_->push_back(absl::StrCat(prefix, value));
  }

 private:
  FeatureVector* f_;
  std::vector<std::string>* names_;
};

// Each topic's parent's index (parents come first), -1 at the top level.
std::vector<int> ParentIndices(const Taxonomy& taxonomy) {
  absl::flat_hash_map<std::string, int> index;
  std::vector<int> parent;
  for (const claims::v1::Topic& topic : taxonomy.topics()) {
    auto it = index.find(topic.parent());
    parent.push_back(it == index.end() ? -1 : it->second);
    index[topic.id()] = static_cast<int>(parent.size()) - 1;
  }
  return parent;
}

}  // namespace

void TopicModel::Features(const SentenceTokens& s, absl::Span<const FiredCue> cues,
                          absl::Span<const std::string> article, FeatureVector* f,
                          std::vector<std::string>* names) {
  f->clear();
  if (names != nullptr) names->clear();
  Builder b(f, names);
  b.Add(kBias, "", "bias");
  const size_t n = s.words.size() == s.tokens.size() ? s.words.size() : 0;
  for (size_t i = 0; i < n; ++i) {
    const syntax::SyntaxWord& w = s.words[i];
    if (!s.tokens[i].is_word || !IsContent(w.upos)) continue;
    const std::string key = Key(s, i);
    b.Add(kLemma, key, "word:");
    if (w.head < 0) {
      b.Add(kPredicate, key, "predicate:");
      continue;
    }
    const size_t h = static_cast<size_t>(w.head);
    if (h < n && s.tokens[h].is_word && IsContent(s.words[h].upos) &&
        w.rel != DepRel::kConj && w.rel != DepRel::kParataxis) {
      b.Add(kPair, absl::StrCat(Key(s, h), ">", key), "pair:");
    }
  }
  for (const entities::EntitySpan& span : s.names) {
    b.Add(kNameType, std::string(entities::EntityTypeName(span.type)), "name type:");
    if (span.begin < 0 || static_cast<size_t>(span.end) > s.tokens.size()) continue;
    std::string text;
    for (int i = span.begin; i < span.end; ++i) {
      absl::StrAppend(&text, i > span.begin ? " " : "", s.tokens[static_cast<size_t>(i)].lower);
    }
    b.Add(kName, text, "name:");
  }
  for (const FiredCue& cue : cues) {
    b.Add(cue.weak ? kWeakCue : kCue, cue.topic, cue.weak ? "weak cue:" : "cue:");
    b.Add(kCueBranch, std::string(Taxonomy::TopLevel(cue.topic)), "cue branch:");
  }
  for (const std::string& top : article) b.Add(kArticle, top, "article:");
}

absl::StatusOr<TopicModel> TopicModel::Load(const std::string& path,
                                            const Taxonomy& taxonomy) {
  absl::StatusOr<learn::LinearModel> model = learn::LinearModel::Load(path);
  if (!model.ok()) return model.status();
  return FromModel(*std::move(model), taxonomy);
}

absl::StatusOr<TopicModel> TopicModel::FromModel(learn::LinearModel model,
                                                 const Taxonomy& taxonomy) {
  if (model.Meta("features") != kFeatureVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat("not a topic model of feature version ", kFeatureVersion));
  }
  float blend = 0;
  if (!absl::SimpleAtof(model.Meta("blend"), &blend) || blend <= 0) {
    return absl::FailedPreconditionError("topic model without a positive \"blend\"");
  }
  std::vector<int> topic_class(taxonomy.topics().size(), -1);
  for (size_t t = 0; t < taxonomy.topics().size(); ++t) {
    topic_class[t] = model.ClassIndex(taxonomy.topics()[t].id());
  }
  return TopicModel(std::move(model), std::move(topic_class), blend);
}

void TopicModel::Score(absl::Span<const uint64_t> keys, std::vector<float>* by_topic) const {
  std::vector<float> scores(static_cast<size_t>(model_.num_classes()), 0.0f);
  model_.Score(keys, scores.data());
  by_topic->assign(topic_class_.size(), 0.0f);
  for (size_t t = 0; t < topic_class_.size(); ++t) {
    if (topic_class_[t] >= 0) (*by_topic)[t] = scores[static_cast<size_t>(topic_class_[t])];
  }
}

std::string TopicModel::StrongestFeature(absl::Span<const uint64_t> keys,
                                         absl::Span<const std::string> names,
                                         int topic) const {
  const int cls = topic < 0 ? -1 : topic_class_[static_cast<size_t>(topic)];
  if (cls < 0) return "";
  std::vector<float> scores(static_cast<size_t>(model_.num_classes()));
  float best = 0;
  std::string name;
  for (size_t k = 0; k < keys.size() && k < names.size(); ++k) {
    std::fill(scores.begin(), scores.end(), 0.0f);
    model_.Score(keys.subspan(k, 1), scores.data());
    if (scores[static_cast<size_t>(cls)] > best) {
      best = scores[static_cast<size_t>(cls)];
      name = names[k];
    }
  }
  return name;
}

learn::LinearModel TopicModel::Train(const std::vector<Example>& examples,
                                     const Taxonomy& taxonomy,
                                     const TrainOptions& options) {
  const size_t classes = taxonomy.topics().size();
  std::vector<std::string> class_names;
  for (const auto& topic : taxonomy.topics()) class_names.push_back(topic.id());
  learn::AveragedPerceptron perceptron(static_cast<int>(classes));
  std::vector<const Example*> order;
  for (const Example& e : examples) order.push_back(&e);
  std::mt19937 rng(options.seed);
  std::vector<float> scores(classes);
  std::vector<bool> gold(classes);
  const std::vector<int> parent = ParentIndices(taxonomy);
  for (int epoch = 0; epoch < options.epochs * std::max(1, options.runs); ++epoch) {
    if (epoch > 0 && epoch % options.epochs == 0) perceptron.Restart();
    std::shuffle(order.begin(), order.end(), rng);
    for (const Example* e : order) {
      std::fill(scores.begin(), scores.end(), 0.0f);
      perceptron.Score(e->keys, scores.data());
      std::fill(gold.begin(), gold.end(), false);
      for (int t : e->topics) gold[static_cast<size_t>(t)] = true;
      for (size_t c = 0; c < classes; ++c) {
        // A topic below the top level learns only from the sentences of its
        // parent's subtree: it tells its siblings apart, and its parent's
        // class says whether the sentence is in the subtree at all.
        if (parent[c] >= 0 && !gold[static_cast<size_t>(parent[c])]) continue;
        const float y = gold[c] ? 1.0f : -1.0f;
        if (y * scores[c] <= 0) perceptron.Adjust(e->keys, static_cast<int>(c), y);
      }
      perceptron.Tick();
    }
  }
  return perceptron.Average(
      std::move(class_names),
      {{"features", kFeatureVersion}, {"blend", absl::StrCat(options.blend)}},
      options.pruning);
}

}  // namespace claims
