// Gauges computed when Prometheus scrapes: each is a name, a help text and a
// function returning the current value (NaN when unknown, e.g. before the
// database is open). For values that live elsewhere, such as RocksDB's size
// estimates or the follower's lag, so no thread has to poll them.
//
//   auto gauges = std::make_shared<ScrapeGauges>();
//   gauges->Add("claims_writer_sequence", "Last commit sequence.",
//               [&] { return double(store->sequence()); });
//   metrics.AddCollectable(gauges);
#ifndef CLAIMS_COMMON_SERVER_GAUGES_H_
#define CLAIMS_COMMON_SERVER_GAUGES_H_

#include <prometheus/collectable.h>
#include <prometheus/metric_family.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/store/claim_reader.h"

namespace claims {

class ScrapeGauges : public prometheus::Collectable {
 public:
  // Not thread-safe: add every gauge before the metrics are served.
  void Add(std::string name, std::string help, std::function<double()> value);

  std::vector<prometheus::MetricFamily> Collect() const override;

 private:
  struct Gauge {
    std::string name;
    std::string help;
    std::function<double()> value;
  };
  std::vector<Gauge> gauges_;
};

// Adds claims_rocksdb_{live_data,sst_files,memtable,pending_compaction}_bytes
// from what `stats` returns (nullopt while the database is not open).
void AddDatabaseGauges(ScrapeGauges* gauges,
                       std::function<std::optional<DbStats>()> stats);

}  // namespace claims

#endif  // CLAIMS_COMMON_SERVER_GAUGES_H_
