/**
 * Texts of the demo seed: believable citizen cases (诉求) of Yungang district, by matter
 * category, and addresses built from real-sounding communities, buildings and rooms.
 *
 * @module
 */

/** Titles and descriptions by matter category of the demo ruleset. */
export const DEMO_TEXTS: Readonly<Record<string, readonly [string, string][]>> = {
  dispute: [
    ["邻里噪音纠纷", "楼上住户深夜装修、拖动家具，噪音扰民，多次协商未果，请求调解。"],
    ["楼道堆物纠纷", "邻居长期在楼道堆放杂物，影响通行，沟通后仍不清理。"],
    ["漏水纠纷", "楼上卫生间漏水至我家天花板，楼上住户拒不维修赔偿。"],
    ["宠物扰民", "邻居饲养大型犬不拴绳，夜间吠叫，老人孩子不敢出门。"],
    ["婚姻家庭矛盾", "夫妻因家务琐事长期争吵，老人请求社区出面调解。"],
    ["物业费纠纷", "物业公司服务不到位，业主拒交物业费，双方矛盾升级。"],
  ],
  public_order: [
    ["夜间聚集喧哗", "小区门口烧烤摊夜间聚集人员喝酒喧哗至凌晨两点。"],
    ["电动车被盗", "停放在单元门口的电动自行车被盗，监控未覆盖。"],
    ["可疑人员出没", "近期有陌生人在小区内挨户敲门推销，居民担心安全。"],
    ["非法小广告", "楼道墙面被张贴大量办证、贷款小广告。"],
    ["占道经营", "菜市场周边摊贩占道经营，早晚高峰道路拥堵。"],
  ],
  public_safety: [
    ["楼道闻到煤气味", "3单元楼道里闻到燃气味，疑似燃气泄漏，请尽快处理。"],
    ["消防通道被占", "小区消防通道长期停放私家车，一旦火灾无法通行。"],
    ["电动车楼道充电", "有住户从楼上拉电线给电动车充电，存在火灾隐患。"],
    ["井盖缺失", "路口井盖缺失，夜间行人车辆存在安全隐患。"],
    ["危房隐患", "老旧平房外墙开裂，雨后有倒塌风险。"],
  ],
  public_service: [
    ["独居老人无人照看", "社区独居老人近日无人照看，邻居反映其行动不便。"],
    ["暖气不热", "入冬以来暖气一直不热，室温不足16度，老人孩子受冻。"],
    ["小区停电", "整个小区停电两小时，无人处理，冰箱食物变质。"],
    ["低保申请咨询", "家中失业人员想申请最低生活保障，不清楚办理流程。"],
    ["拖欠工资", "工地拖欠农民工工资三个月，讨要欠薪无果。"],
    ["残疾人补贴未到账", "今年的残疾人两项补贴至今未到账，请核查。"],
    ["就业困难帮扶", "下岗后就业困难，希望参加社区组织的技能培训。"],
  ],
};

const COMMUNITIES = [
  "平旺东社区",
  "平旺西社区",
  "新胜社区",
  "口泉社区",
  "和瑞苑小区",
  "同煤二医院家属区",
  "马军营村",
  "西韩岭村",
  "云冈新村",
  "煤峪口南沟",
];

/**
 * A made-up address in Yungang district: community, building, unit and room.
 *
 * @example
 * ```ts
 * import { demoAddress } from "./demo_texts.ts";
 * demoAddress(7); // "云冈区西韩岭村8号楼4单元202室"
 * ```
 */
export function demoAddress(n: number): string {
  const community = COMMUNITIES[n % COMMUNITIES.length];
  const building = (n % 23) + 1;
  const unit = (n % 4) + 1;
  const room = ((n % 6) + 1) * 100 + (n % 3) + 1;
  return `云冈区${community}${building}号楼${unit}单元${room}室`;
}

/** The channels of the demo cases, with their weights. */
export const DEMO_CHANNELS: readonly [string, number][] = [
  ["hotline", 55],
  ["grid_app", 25],
  ["wechat", 15],
  ["web", 5],
];
