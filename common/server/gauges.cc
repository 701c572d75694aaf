#include "common/server/gauges.h"

#include <cmath>

namespace claims {

void ScrapeGauges::Add(std::string name, std::string help,
                       std::function<double()> value) {
  gauges_.push_back({std::move(name), std::move(help), std::move(value)});
}

std::vector<prometheus::MetricFamily> ScrapeGauges::Collect() const {
  std::vector<prometheus::MetricFamily> families;
  for (const Gauge& gauge : gauges_) {
    const double value = gauge.value();
    if (std::isnan(value)) continue;  // unknown for now: not exported
    prometheus::MetricFamily family;
    family.name = gauge.name;
    family.help = gauge.help;
    family.type = prometheus::MetricType::Gauge;
    prometheus::ClientMetric metric;
    metric.gauge.value = value;
    family.metric.push_back(std::move(metric));
    families.push_back(std::move(family));
  }
  return families;
}

void AddDatabaseGauges(ScrapeGauges* gauges,
                       std::function<std::optional<DbStats>()> stats) {
  struct Field {
    const char* name;
    const char* help;
    uint64_t DbStats::*member;
  };
  static constexpr Field kFields[] = {
      {"claims_rocksdb_live_data_bytes", "Estimated size of the live data.",
       &DbStats::live_data_bytes},
      {"claims_rocksdb_sst_files_bytes", "Size of all SST files.",
       &DbStats::sst_files_bytes},
      {"claims_rocksdb_memtable_bytes", "Size of all memtables.",
       &DbStats::memtable_bytes},
      {"claims_rocksdb_pending_compaction_bytes",
       "Estimated bytes compaction still has to rewrite.",
       &DbStats::pending_compaction_bytes},
  };
  for (const Field& field : kFields) {
    gauges->Add(field.name, field.help, [stats, member = field.member] {
      const std::optional<DbStats> now = stats();
      return now.has_value() ? static_cast<double>((*now).*member) : std::nan("");
    });
  }
}

}  // namespace claims
