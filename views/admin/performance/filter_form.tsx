/** @jsxImportSource hono/jsx */
import type { ViewContext } from "../view_context.ts";

/** The filters as the form shows them (raw query values). */
export interface FilterValues {
  from: string;
  to: string;
  unit: string;
  category: string;
  type: string;
  channel: string;
  sort?: string;
  dir?: string;
}

/** Choices of the selects. */
export interface FilterChoices {
  units: { code: string; name: string }[];
  categories: string[];
  types: { code: string; name: string }[];
  channels: string[];
}

function Select(
  props: {
    name: string;
    label: string;
    value: string;
    all: string;
    options: { value: string; text: string }[];
  },
) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>{o.text}</option>
        ))}
      </select>
    </label>
  );
}

/** The period and filter form: a plain GET form (works without JavaScript). */
export function FilterForm(
  props: { ctx: ViewContext; action: string; values: FilterValues; choices: FilterChoices },
) {
  const { ctx, values, choices } = props;
  const all = ctx.t("filter_all");
  return (
    <form method="get" action={props.action} class="row perf-filters">
      <label>
        {ctx.t("perf_from")}
        <input type="date" name="from" value={values.from} />
      </label>
      <label>
        {ctx.t("perf_to")}
        <input type="date" name="to" value={values.to} />
      </label>
      <Select
        name="unit"
        label={ctx.t("perf_unit")}
        value={values.unit}
        all={all}
        options={choices.units.map((u) => ({ value: u.code, text: `${u.name} (${u.code})` }))}
      />
      <Select
        name="category"
        label={ctx.t("perf_category")}
        value={values.category}
        all={all}
        options={choices.categories.map((c) => ({ value: c, text: c }))}
      />
      <Select
        name="type"
        label={ctx.t("perf_type")}
        value={values.type}
        all={all}
        options={choices.types.map((t) => ({ value: t.code, text: `${t.name} (${t.code})` }))}
      />
      <Select
        name="channel"
        label={ctx.t("perf_channel")}
        value={values.channel}
        all={all}
        options={choices.channels.map((c) => ({ value: c, text: c }))}
      />
      {values.sort && <input type="hidden" name="sort" value={values.sort} />}
      {values.dir && <input type="hidden" name="dir" value={values.dir} />}
      <button type="submit" class="primary">{ctx.t("perf_apply")}</button>
    </form>
  );
}
