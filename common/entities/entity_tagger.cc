#include "common/entities/entity_tagger.h"

#include <algorithm>
#include <array>
#include <random>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/learn/features.h"
#include "common/learn/perceptron.h"
#include "common/syntax/word_features.h"
#include "common/kb/unaccent.h"

namespace claims::entities {
namespace {

using learn::FeatureVector;
using learn::HashString;
using syntax::SyntaxSentence;
using syntax::WordHashes;

// Classes: O, then B, I, L, U for each type. DO NOT CHANGE: class names are
// in model files.
enum Position : int { kB = 0, kI = 1, kL = 2, kU = 3 };
constexpr int kOutside = 0;
constexpr int kNumClasses = 1 + 4 * kNumEntityTypes;
int ClassOf(Position p, EntityType t) { return 1 + static_cast<int>(t) * 4 + p; }
Position PositionOf(int c) { return static_cast<Position>((c - 1) % 4); }
EntityType TypeOf(int c) { return static_cast<EntityType>((c - 1) / 4); }

std::vector<std::string> ClassNames() {
  std::vector<std::string> names = {"O"};
  for (int t = 0; t < kNumEntityTypes; ++t) {
    for (const char* p : {"B", "I", "L", "U"}) {
      names.push_back(absl::StrCat(p, "-", EntityTypeName(static_cast<EntityType>(t))));
    }
  }
  return names;
}

// Which classes may follow `prev` (-1 = sentence start); `last` = the
// sentence's last word, where no name may stay open.
void Allowed(int prev, bool last, bool* allowed) {
  const bool open = prev > 0 && (PositionOf(prev) == kB || PositionOf(prev) == kI);
  allowed[kOutside] = !open;
  for (int c = 1; c < kNumClasses; ++c) {
    const Position p = PositionOf(c);
    if (open) {
      allowed[c] = TypeOf(c) == TypeOf(prev) && (p == kI || p == kL) && !(last && p == kI);
    } else {
      allowed[c] = (p == kB || p == kU) && !(last && p == kB);
    }
  }
}

// Feature templates. DO NOT CHANGE without bumping kFeatureVersion.
enum Template : uint32_t {
  kBias = 1, kLower, kForm, kShape, kPrefix1, kPrefix2, kPrefix3, kSuffix1,
  kSuffix2, kSuffix3, kSuffix4, kTag, kPrevWordTag, kNextWordTag, kPrevLower,
  kNextLower, kPrev2Lower, kNext2Lower, kPrevShapeShape, kShapeNextShape,
  kPrevClass, kPrev2Classes, kPrevClassLower, kPrevClassShape, kPrevLowerLower,
  kLowerNextLower, kFirstShape, kHeadlineShape, kHeadlineLower, kGaz, kPrevGaz,
  kNextGaz, kGazShape, kDocCase, kHistory, kHistoryPrevClass, kTagShape,
  kPrevForm, kNextForm,
};

static_assert(kSuffix4 == kLower + 9, "AddSpellingFeatures fills kLower .. kSuffix4");

constexpr uint64_t kNone = 0x5eed;

// What the whole document says about a word: seen capitalised where that
// means something (not first in a sentence, not in an all-caps line), seen
// in lower case; and how the tagger typed its earlier occurrences.
class DocumentMemory {
 public:
  void Read(const std::vector<std::vector<WordHashes>>& words,
            const std::vector<bool>& headline) {
    for (size_t s = 0; s < words.size(); ++s) {
      if (headline[s]) continue;
      for (size_t i = 0; i < words[s].size(); ++i) {
        uint8_t& f = flags_[words[s][i].lower];
        if (words[s][i].capitalized && i > 0) f |= 1;
        if (!words[s][i].capitalized) f |= 2;
      }
    }
  }
  uint64_t CaseFlags(uint64_t lower) const {
    auto it = flags_.find(lower);
    return it == flags_.end() ? 0 : it->second;
  }
  void Remember(uint64_t lower, int cls) {
    if (cls != kOutside) ++history_[lower][static_cast<int>(TypeOf(cls))];
  }
  // The type most often given to this word so far, or kNone.
  uint64_t History(uint64_t lower) const {
    auto it = history_.find(lower);
    if (it == history_.end()) return kNone;
    const auto& counts = it->second;
    return std::max_element(counts.begin(), counts.end()) - counts.begin();
  }

 private:
  absl::flat_hash_map<uint64_t, uint8_t> flags_;
  absl::flat_hash_map<uint64_t, std::array<int, kNumEntityTypes>> history_;
};

uint64_t HitKey(const GazetteerHit& h) {
  return static_cast<uint64_t>(h.kind) * 8 + static_cast<uint64_t>(h.position);
}

struct SentenceView {
  const std::vector<WordHashes>& w;
  std::vector<uint64_t> tags;
  const GazetteerHits& gaz;
  bool headline;
  const WordHashes* At(int i) const {
    return i >= 0 && i < static_cast<int>(w.size()) ? &w[i] : nullptr;
  }
  uint64_t Tag(int i) const { return At(i) ? tags[i] : kNone; }
};

void Features(const SentenceView& s, int i, const std::vector<int>& classes,
              const DocumentMemory& memory, FeatureVector* f) {
  f->clear();
  const WordHashes& w = s.w[i];
  const WordHashes* p1 = s.At(i - 1);
  const WordHashes* n1 = s.At(i + 1);
  const WordHashes* p2 = s.At(i - 2);
  const WordHashes* n2 = s.At(i + 2);
  const uint64_t c1 = i > 0 ? classes[i - 1] : kNone;
  const uint64_t c2 = i > 1 ? classes[i - 2] : kNone;
  f->Add(kBias, 0);
  AddSpellingFeatures(w, kLower, 4, f);  // kLower .. kSuffix4
  f->Add(kTag, s.Tag(i));
  f->Add(kPrevWordTag, s.Tag(i - 1));
  f->Add(kNextWordTag, s.Tag(i + 1));
  f->Add(kTagShape, s.Tag(i), w.shape);
  f->Add(kPrevLower, p1 ? p1->lower : kNone);
  f->Add(kNextLower, n1 ? n1->lower : kNone);
  f->Add(kPrev2Lower, p2 ? p2->lower : kNone);
  f->Add(kNext2Lower, n2 ? n2->lower : kNone);
  f->Add(kPrevForm, p1 ? p1->form : kNone);
  f->Add(kNextForm, n1 ? n1->form : kNone);
  f->Add(kPrevShapeShape, p1 ? p1->shape : kNone, w.shape);
  f->Add(kShapeNextShape, w.shape, n1 ? n1->shape : kNone);
  f->Add(kPrevClass, c1);
  f->Add(kPrev2Classes, c1, c2);
  f->Add(kPrevClassLower, c1, w.lower);
  f->Add(kPrevClassShape, c1, w.shape);
  f->Add(kPrevLowerLower, p1 ? p1->lower : kNone, w.lower);
  f->Add(kLowerNextLower, w.lower, n1 ? n1->lower : kNone);
  f->Add(kFirstShape, i == 0, w.shape);
  f->Add(kHeadlineShape, s.headline, w.shape);
  if (s.headline) f->Add(kHeadlineLower, w.lower);
  for (const GazetteerHit& h : s.gaz[i]) {
    f->Add(kGaz, HitKey(h));
    f->Add(kGazShape, HitKey(h), w.shape);
  }
  if (i > 0) {
    for (const GazetteerHit& h : s.gaz[i - 1]) f->Add(kPrevGaz, HitKey(h));
  }
  if (n1) {
    for (const GazetteerHit& h : s.gaz[i + 1]) f->Add(kNextGaz, HitKey(h));
  }
  f->Add(kDocCase, memory.CaseFlags(w.lower), w.shape, i == 0 || s.headline);
  const uint64_t history = memory.History(w.lower);
  f->Add(kHistory, history);
  f->Add(kHistoryPrevClass, history, c1);
}

bool IsHeadline(const std::vector<WordHashes>& w) {
  int caps = 0, words = 0;
  for (const WordHashes& h : w) {
    if (h.all_caps) ++caps;
    if (h.capitalized || h.all_caps) ++words;
  }
  return caps >= 2 && caps * 10 >= words * 8;
}

std::vector<EntitySpan> Spans(const std::vector<int>& classes) {
  std::vector<EntitySpan> spans;
  for (int i = 0; i < static_cast<int>(classes.size()); ++i) {
    const int c = classes[i];
    if (c == kOutside) continue;
    const Position p = PositionOf(c);
    if (p == kU) spans.push_back({i, i + 1, TypeOf(c)});
    if (p == kB) spans.push_back({i, i + 1, TypeOf(c)});
    if ((p == kI || p == kL) && !spans.empty()) spans.back().end = i + 1;
  }
  return spans;
}

std::vector<int> GoldClasses(size_t n, const std::vector<EntitySpan>& spans) {
  std::vector<int> classes(n, kOutside);
  for (const EntitySpan& s : spans) {
    if (s.end - s.begin == 1) {
      classes[s.begin] = ClassOf(kU, s.type);
      continue;
    }
    classes[s.begin] = ClassOf(kB, s.type);
    for (int i = s.begin + 1; i + 1 < s.end; ++i) classes[i] = ClassOf(kI, s.type);
    classes[s.end - 1] = ClassOf(kL, s.type);
  }
  return classes;
}

// One left-to-right pass over a document. `decide(keys, allowed, s, i)`
// returns the class of word i of sentence s.
using Decide = std::function<int(absl::Span<const uint64_t>, const bool*, int, int)>;

std::vector<std::vector<EntitySpan>> RunDocument(
    const std::vector<SyntaxSentence>& sentences, const Gazetteer* gazetteer,
    const Decide& decide) {
  std::vector<std::vector<WordHashes>> words(sentences.size());
  std::vector<bool> headline(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    // Letters with diacritics as their base letters: the training news is
    // nearly all ASCII, and "Rosângela Conceição" is a name as "Rosangela
    // Conceicao" is.
    for (const syntax::SyntaxWord& w : sentences[s]) {
      words[s].push_back(syntax::HashWord(StripDiacritics(w.form)));
    }
    headline[s] = IsHeadline(words[s]);
  }
  DocumentMemory memory;
  memory.Read(words, headline);
  std::vector<std::vector<EntitySpan>> result(sentences.size());
  FeatureVector f;
  GazetteerHits gaz;
  std::vector<std::string> forms;
  bool allowed[kNumClasses];
  for (size_t s = 0; s < sentences.size(); ++s) {
    const int n = static_cast<int>(sentences[s].size());
    forms.clear();
    for (const syntax::SyntaxWord& w : sentences[s]) forms.push_back(w.form);
    if (gazetteer != nullptr) {
      gazetteer->Annotate(forms, &gaz);
    } else {
      gaz.assign(n, {});
    }
    SentenceView view{words[s], {}, gaz, headline[s]};
    for (const syntax::SyntaxWord& w : sentences[s]) view.tags.push_back(HashString(w.xpos));
    std::vector<int> classes(n, kOutside);
    for (int i = 0; i < n; ++i) {
      Features(view, i, classes, memory, &f);
      Allowed(i > 0 ? classes[i - 1] : -1, i + 1 == n, allowed);
      classes[i] = decide(f.keys(), allowed, static_cast<int>(s), i);
      memory.Remember(words[s][i].lower, classes[i]);
    }
    result[s] = Spans(classes);
  }
  return result;
}

}  // namespace

absl::StatusOr<EntityTagger> EntityTagger::Load(const std::string& path) {
  absl::StatusOr<learn::LinearModel> model = learn::LinearModel::Load(path);
  if (!model.ok()) return model.status();
  return FromModel(*std::move(model));
}

absl::StatusOr<EntityTagger> EntityTagger::FromModel(learn::LinearModel model) {
  if (model.Meta("features") != kFeatureVersion || model.classes() != ClassNames()) {
    return absl::FailedPreconditionError(
        absl::StrCat("not an entity model of feature version ", kFeatureVersion));
  }
  return EntityTagger(std::move(model));
}

std::vector<std::vector<EntitySpan>> EntityTagger::Tag(
    const std::vector<SyntaxSentence>& sentences, const Gazetteer* gazetteer) const {
  std::vector<float> scores(kNumClasses);
  return RunDocument(sentences, gazetteer,
                     [&](absl::Span<const uint64_t> keys, const bool* allowed, int, int) {
                       return model_.Best(keys, scores.data(),
                                          absl::MakeConstSpan(allowed, kNumClasses));
                     });
}

EntityTagger EntityTagger::Train(const std::vector<EntityDocument>& documents,
                                 const Gazetteer* gazetteer, const TrainOptions& options) {
  learn::AveragedPerceptron perceptron(kNumClasses);
  std::vector<size_t> order(documents.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(options.seed);
  std::vector<float> scores(kNumClasses);
  auto average = [&] {
    return *FromModel(perceptron.Average(ClassNames(), {{"features", kFeatureVersion}},
                                         options.pruning));
  };
  for (int pass = 0; pass < options.epochs * std::max(1, options.runs); ++pass) {
    if (pass > 0 && pass % options.epochs == 0) perceptron.Restart();
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t d : order) {
      const EntityDocument& doc = documents[d];
      std::vector<std::vector<int>> gold;
      for (size_t s = 0; s < doc.sentences.size(); ++s) {
        gold.push_back(GoldClasses(doc.sentences[s].size(), doc.entities[s]));
      }
      RunDocument(doc.sentences, gazetteer,
                  [&](absl::Span<const uint64_t> keys, const bool* allowed, int s, int i) {
                    std::fill(scores.begin(), scores.end(), 0.0f);
                    perceptron.Score(keys, scores.data());
                    int guess = -1;
                    for (int c = 0; c < kNumClasses; ++c) {
                      if (allowed[c] && (guess < 0 || scores[c] > scores[guess])) guess = c;
                    }
                    perceptron.Update(keys, gold[s][i], guess);
                    perceptron.Tick();
                    return guess;
                  });
    }
    if (options.on_epoch) options.on_epoch(pass + 1, average());
  }
  return average();
}

void EntityScores::Add(const std::vector<EntitySpan>& g, const std::vector<EntitySpan>& p) {
  gold += g.size();
  predicted += p.size();
  for (const EntitySpan& s : g) ++gold_by_type[static_cast<int>(s.type)];
  for (const EntitySpan& s : p) {
    ++predicted_by_type[static_cast<int>(s.type)];
    if (std::find(g.begin(), g.end(), s) != g.end()) {
      ++correct;
      ++correct_by_type[static_cast<int>(s.type)];
    }
  }
}

namespace {
double F1Of(size_t gold, size_t predicted, size_t correct) {
  return gold + predicted == 0 ? 0.0 : 2.0 * correct / (gold + predicted);
}
}  // namespace

double EntityScores::F1() const { return F1Of(gold, predicted, correct); }

double EntityScores::F1(EntityType type) const {
  const int t = static_cast<int>(type);
  return F1Of(gold_by_type[t], predicted_by_type[t], correct_by_type[t]);
}

double EntityScores::ActorF1() const {
  size_t g = 0, p = 0, c = 0;
  for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kLocation}) {
    g += gold_by_type[static_cast<int>(t)];
    p += predicted_by_type[static_cast<int>(t)];
    c += correct_by_type[static_cast<int>(t)];
  }
  return F1Of(g, p, c);
}

std::string EntityScores::Summary() const {
  return absl::StrFormat(
      "F1 %.4f (PER/ORG/LOC %.4f; PER %.4f ORG %.4f LOC %.4f MISC %.4f; %d gold)", F1(),
      ActorF1(), F1(EntityType::kPerson), F1(EntityType::kOrganization),
      F1(EntityType::kLocation), F1(EntityType::kMisc), gold);
}

}  // namespace claims::entities
