package org.ccrhub.indicators.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorPeriod;
import org.jspecify.annotations.Nullable;

/**
 * The indicator definition form: every field as typed, read by the rules of the definitions import
 * ({@link org.ccrhub.indicators.IndicatorDefinitions}), so nothing typed is lost when it is shown
 * again with errors.
 */
class IndicatorForm {

  /** The form's fields by the import's column names, in the order of the page. */
  static final Map<String, String> FIELD_OF_COLUMN = new LinkedHashMap<>();

  static {
    FIELD_OF_COLUMN.put("ref", "ref");
    FIELD_OF_COLUMN.put("name", "name");
    FIELD_OF_COLUMN.put("description", "description");
    FIELD_OF_COLUMN.put("unit", "unit");
    FIELD_OF_COLUMN.put("polarity", "polarity");
    FIELD_OF_COLUMN.put("frequency", "frequency");
    FIELD_OF_COLUMN.put("source", "source");
    FIELD_OF_COLUMN.put("owner", "owner");
    FIELD_OF_COLUMN.put("population", "population");
    FIELD_OF_COLUMN.put("baseline_period", "baselinePeriod");
    FIELD_OF_COLUMN.put("baseline_value", "baselineValue");
    FIELD_OF_COLUMN.put("target_period", "targetPeriod");
    FIELD_OF_COLUMN.put("target_value", "targetValue");
    FIELD_OF_COLUMN.put("target_change_pct", "targetChangePct");
    FIELD_OF_COLUMN.put("target_change_points", "targetChangePoints");
    FIELD_OF_COLUMN.put("tolerance", "tolerance");
    FIELD_OF_COLUMN.put("published", "published");
    FIELD_OF_COLUMN.put("sum_of", "sumOf");
  }

  private String ref = "";
  private String name = "";
  private String description = "";
  private String unit = "COUNT";
  private String polarity = "HIGHER_IS_BETTER";
  private String frequency = "MONTHLY";
  private String source = "";
  private String owner = "";
  private String population = "";
  private String baselinePeriod = "";
  private String baselineValue = "";
  private String targetPeriod = "";
  private String targetValue = "";
  private String targetChangePct = "";
  private String targetChangePoints = "";
  private String tolerance = "5";
  private boolean published;
  private String sumOf = "";
  private String version = "";

  static IndicatorForm of(Indicator indicator) {
    IndicatorForm form = new IndicatorForm();
    form.ref = indicator.ref();
    form.name = indicator.name();
    form.description = indicator.description();
    form.unit = indicator.unit().name();
    form.polarity = indicator.polarity().name();
    form.frequency = indicator.frequency().name();
    form.source = indicator.source();
    form.owner = indicator.owner();
    form.population = plain(indicator.population());
    form.baselinePeriod = period(indicator.baselinePeriod());
    form.baselineValue = plain(indicator.baselineValue());
    form.targetPeriod = period(indicator.targetPeriod());
    form.targetValue = plain(indicator.targetValue());
    form.targetChangePct = plain(indicator.targetChangePct());
    form.targetChangePoints = plain(indicator.targetChangePoints());
    form.tolerance = plain(indicator.tolerancePct());
    form.published = indicator.published();
    form.sumOf = String.join("; ", indicator.sumOf());
    form.version = String.valueOf(indicator.version());
    return form;
  }

  /** The version seen; a value that is not a number matches no version, so it is a conflict. */
  int seenVersion() {
    return version.strip().matches("\\d{1,9}") ? Integer.parseInt(version.strip()) : -1;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version == null ? "" : version;
  }

  /** The fields by the import's column names, as {@code IndicatorDefinitions.save} reads them. */
  Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("ref", ref);
    fields.put("name", name);
    fields.put("description", description);
    fields.put("unit", unit);
    fields.put("polarity", polarity);
    fields.put("frequency", frequency);
    fields.put("source", source);
    fields.put("owner", owner);
    fields.put("population", population);
    fields.put("baseline_period", baselinePeriod);
    fields.put("baseline_value", baselineValue);
    fields.put("target_period", targetPeriod);
    fields.put("target_value", targetValue);
    fields.put("target_change_pct", targetChangePct);
    fields.put("target_change_points", targetChangePoints);
    fields.put("tolerance", tolerance);
    fields.put("published", published ? "yes" : "no");
    fields.put("sum_of", sumOf);
    fields.replaceAll((k, v) -> v == null ? "" : v);
    return fields;
  }

  private static String plain(@Nullable BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }

  private static String period(@Nullable IndicatorPeriod period) {
    return period == null ? "" : period.toString();
  }

  public String getRef() {
    return ref;
  }

  public void setRef(String ref) {
    this.ref = ref;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public String getPolarity() {
    return polarity;
  }

  public void setPolarity(String polarity) {
    this.polarity = polarity;
  }

  public String getFrequency() {
    return frequency;
  }

  public void setFrequency(String frequency) {
    this.frequency = frequency;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getOwner() {
    return owner;
  }

  public void setOwner(String owner) {
    this.owner = owner;
  }

  public String getPopulation() {
    return population;
  }

  public void setPopulation(String population) {
    this.population = population;
  }

  public String getBaselinePeriod() {
    return baselinePeriod;
  }

  public void setBaselinePeriod(String baselinePeriod) {
    this.baselinePeriod = baselinePeriod;
  }

  public String getBaselineValue() {
    return baselineValue;
  }

  public void setBaselineValue(String baselineValue) {
    this.baselineValue = baselineValue;
  }

  public String getTargetPeriod() {
    return targetPeriod;
  }

  public void setTargetPeriod(String targetPeriod) {
    this.targetPeriod = targetPeriod;
  }

  public String getTargetValue() {
    return targetValue;
  }

  public void setTargetValue(String targetValue) {
    this.targetValue = targetValue;
  }

  public String getTargetChangePct() {
    return targetChangePct;
  }

  public void setTargetChangePct(String targetChangePct) {
    this.targetChangePct = targetChangePct;
  }

  public String getTargetChangePoints() {
    return targetChangePoints;
  }

  public void setTargetChangePoints(String targetChangePoints) {
    this.targetChangePoints = targetChangePoints;
  }

  public String getTolerance() {
    return tolerance;
  }

  public void setTolerance(String tolerance) {
    this.tolerance = tolerance;
  }

  public boolean isPublished() {
    return published;
  }

  public void setPublished(boolean published) {
    this.published = published;
  }

  public String getSumOf() {
    return sumOf;
  }

  public void setSumOf(String sumOf) {
    this.sumOf = sumOf;
  }
}
