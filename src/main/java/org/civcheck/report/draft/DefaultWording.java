package org.civcheck.report.draft;

/** The built-in wording: criteria/provincial/report.yaml without its comments, for folders that have none. */
final class DefaultWording {

    private DefaultWording() {}

    static final String YAML = """
            title: "{unit}{year}年精神文明创建工作自查报告"
            intro: "{from}至{to}，{unit}（在职职工{staff}人）对照{criteria}开展精神文明创建工作。现将创建工作开展情况自查如下。"
            parts:
              work: 一、创建工作开展情况
              problems: 二、创建工作中存在的主要问题
              next: 三、下步工作思路
            ordinals: [一是, 二是, 三是, 四是, 五是, 六是, 七是, 八是, 九是, 十是, 十一是, 十二是, 十三是, 十四是, 十五是]
            numbers: [（一）, （二）, （三）, （四）, （五）, （六）, （七）, （八）, （九）, （十）]
            surveyKinds: { public: 群众, staff: 职工 }
            work:
              heading: "{number}{category}"
              opening:
                default: "在{category}方面，"
                ideology: "围绕思想道德建设，"
                volunteering: "围绕学雷锋志愿服务，"
              other: 其他工作
              item: "{ordinal}{text}"
              activity:
                count: "开展{type}{count}次"
                months: "，分布在{months}个月"
                date: "（{date}）"
                attendance: "，平均每次{average}人参加，平均参与率{rate}"
                people: "，{average}人参加，参与率{rate}"
                hours: "，累计志愿服务{hours}小时"
                amount: "，涉及金额{amount}元"
                external: "，其中{external}次由{organizers}安排"
              document: "印发{kind}{count}份（{dates}）"
              volunteers: "职工中注册志愿者{registered}人，占职工总数{share}"
              survey: "{date}开展{kind}满意度调查，{respondents}人中{satisfied}人表示满意，满意率{rate}"
              none: "评估期内证据包中没有记录创建活动。"
            problems:
              opening: "对照{criteria}自查，{unit}的创建工作还存在以下不足。"
              lead: "{ordinal}{title}。"
              finding: "{message}"
              none: "对照测评体系自查，未发现创建工作中存在的主要问题。"
            next:
              item: "{number}{remedy}"
              detail: "{remedy}"
              none: "巩固现有做法，坚持常态化开展创建工作。"
            """;
}
