"""Generate realistic 政府信息公开工作年度报告 in YAML for the benchmark.

Each report is a full 2021-format report of 20–30 KB, like a published one: a long narrative in
every text part (the five aspects of 总体情况, 存在的主要问题及改进情况, 其他需要报告的事项), all
three tables with plausible figures that balance, and the metadata. Every `mistake_every`-th
report carries one or two deliberate mistakes of the kinds clerks make (a cell off by one, "/" in
a cell, full-width digits, a late date, an ordinal in a key, a fee in 元, a template placeholder,
a unit after a number, silence on the 信息处理费), so the benchmark exercises the paths that report
findings, not only the clean path.

    python benchmarks/generate.py OUT_DIR [-n 1000] [--seed 2024]

The output is deterministic for a given seed and count.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

TARGET_BYTES = (20_000, 30_000)
LINE_CHARS = 42  # characters per line of narrative, as a clerk's editor wraps them

CITIES = (
    "攀枝花市", "绵阳市", "宜宾市", "南充市", "泸州市", "德阳市", "乐山市", "眉山市", "遂宁市", "内江市",
    "自贡市", "广元市", "雅安市", "资阳市", "达州市", "巴中市", "广安市", "温州市", "嘉兴市", "湖州市",
    "绍兴市", "金华市", "衢州市", "台州市", "丽水市", "芜湖市", "蚌埠市", "淮南市", "安庆市", "黄山市",
)  # fmt: skip
DISTRICTS = ("西区", "东区", "仁和区", "米易县", "盐边县", "高新区", "经开区", "城关区", "新城区", "临港区")
BUREAUS = (
    "司法局", "自然资源和规划局", "生态环境局", "住房和城乡建设局", "交通运输局", "农业农村局",
    "卫生健康委员会", "教育局", "民政局", "人力资源和社会保障局", "市场监督管理局", "应急管理局",
    "财政局", "水利局", "商务局", "文化广电旅游局", "退役军人事务局", "医疗保障局", "统计局", "审计局",
)  # fmt: skip
GOVERNMENTS = ("人民政府", "人民政府办公室")

# Sentences per text part; {a} is the organ's short name, {n…} and {m…} are figures.
SENTENCES: dict[str, tuple[str, ...]] = {
    "主动公开": (
        "{y}年，{a}坚持以公开为常态、不公开为例外，严格落实《中华人民共和国政府信息公开条例》，"
        "全年通过门户网站主动公开政府信息{n1}条，其中工作动态{n2}条，通知公告{n3}条，政策文件{n4}条。",
        "{a}围绕优化营商环境、民生保障和重大项目建设等重点领域，及时公开政策措施和执行情况，"
        "全年发布重点领域信息{n5}条，开展政策解读{n6}次，其中图解{n7}篇、视频解读{n8}个。",
        "通过政务新媒体同步推送各类信息{n9}条，阅读量累计{n10}人次，做到政策发布与解读同步谋划、同步审签、同步发布。",
        "按照财政预决算公开的统一要求，{a}在规定时限内公开部门预算、部门决算和“三公”经费，"
        "公开内容细化到功能分类项级科目，并对增减变化较大的项目作出说明。",
        "{a}严格落实行政执法公示制度，在门户网站集中公示行政执法主体、职责、权限、依据、程序和救济渠道，"
        "全年公示行政许可决定{n11}件、行政处罚决定{n12}件，做到执法信息应公开尽公开。",
        "主动公开基本目录实行动态调整，年内梳理更新目录事项{n13}项，明确公开主体、公开时限和公开方式，"
        "确保公开内容全面、准确、及时。",
        "对涉及群众切身利益的重要决策事项，{a}在作出决定前通过网站征集意见{n14}次，收到意见建议{n15}条，"
        "采纳情况和理由均已向社会反馈。",
        "在政务公开专区和便民服务中心设置查阅点，配备查阅设备{n16}台，为群众查阅政府信息提供便利。",
        "组织开展政府开放日活动{n17}次，邀请人大代表、政协委员和群众代表走进机关，面对面听取意见建议。",
        "对已公开的政策文件同步标注有效性，失效、废止的文件及时作出标注，避免误导公众。",
    ),
    "依申请公开": (
        "{a}严格执行依申请公开工作规程，规范申请接收、登记、审查、办理、答复和归档等各个环节，"
        "确保每件申请都在法定期限内答复。",
        "{y}年，{a}共收到政府信息公开申请{m1}件，其中本年新收{m2}件，上年结转{m3}件；"
        "已办结{m4}件，结转下年度继续办理{m5}件。",
        "从申请内容看，主要涉及征地拆迁、规划审批、行政执法和财政资金使用等方面，"
        "申请人以自然人为主，商业企业和法律服务机构提出的申请有所增加。",
        "对申请内容不明确的，及时一次性告知申请人补正；对不属于本机关公开的信息，告知申请人向有关机关申请，"
        "并尽可能提供联系方式。",
        "对涉及第三方合法权益的申请，依法书面征求第三方意见，在法定期限内作出答复，"
        "做到既保障申请人的知情权，又保护第三方的合法权益。",
        "建立依申请公开答复文书审核机制，答复书由法制机构审核后出具，全年未发生因答复不规范被纠错的情况。",
        "针对申请较为集中的事项，及时评估是否转为主动公开，年内将{m6}类信息调整为主动公开。",
        "畅通网上申请、信函申请和当面申请等渠道，在门户网站公布受理机构、地址、电话和办公时间。",
    ),
    "政府信息管理": (
        "{a}严格落实政府信息发布审核制度，信息发布实行初审、复审、终审三级审核，"
        "重要信息发布前按规定进行保密审查，全年未发生泄密和不当公开情况。",
        "开展行政规范性文件清理工作，对现行有效的行政规范性文件逐件审查，清理后现行有效{k1}件，"
        "已在门户网站集中公开并动态更新。",
        "建立政府信息管理台账，对主动公开、依申请公开和不予公开的信息分类登记，做到底数清、情况明。",
        "加强政策文件库建设，统一文件标题、文号、发布日期和有效性等要素，方便公众查询和使用。",
        "对门户网站历史信息开展全面排查，整改错别字、空白栏目和失效链接{k2}处，保障网站信息准确可用。",
        "按照个人信息保护的要求，对公开文件中的身份证号码、电话号码等个人信息进行脱敏处理。",
        "规范政府信息公开属性源头认定，公文拟制时同步明确公开属性，未公开的须说明理由。",
    ),
    "平台建设": (
        "{a}持续优化门户网站政府信息公开专栏，按照统一目录规范设置栏目，全年更新栏目内容{p1}次，"
        "网站可用性和信息更新及时性均达到考核要求。",
        "加强政务新媒体管理，对账号开设、内容发布和安全管理实行统一规范，清理整合长期不更新的账号{p2}个。",
        "依托政务服务平台推进信息公开与政务服务融合，在办事指南中同步公开办理依据、条件、流程和时限。",
        "完成网站适老化和无障碍改造，提供大字版、语音播报等功能，方便老年人和残障人士获取政府信息。",
        "在门户网站开设互动交流栏目，全年受理网民留言{p3}条，按期回复率达到百分之百。",
        "推进政府公报数字化，历年公报全部上网，提供全文检索和下载服务。",
        "加强网站安全防护，定期开展漏洞扫描和安全检查，全年未发生网络安全事件。",
    ),
    "监督保障": (
        "{a}成立政务公开工作领导小组，主要负责同志担任组长，定期研究部署政务公开工作，"
        "将政务公开纳入年度绩效考核，考核结果与评先评优挂钩。",
        "全年组织政务公开业务培训{q1}次，培训人员{q2}人次，提升工作人员依法公开的意识和能力。",
        "聘请社会评议员对政务公开工作开展评议，收集意见建议{q3}条，均已逐条整改落实。",
        "建立政务公开工作责任追究制度，对公开不及时、不准确的情况及时通报并督促整改。",
        "主动接受人大、政协和社会公众的监督，认真听取各方面对政务公开工作的意见建议。",
        "对照上级政务公开考核评估指标逐项自查，查找问题{q4}个，均已完成整改。",
        "全年未发生因政府信息公开工作被责任追究的情况。",
    ),
    "存在的主要问题及改进情况": (
        "一是部分业务科室主动公开意识不强，信息报送不够及时，个别栏目更新频率偏低；",
        "二是政策解读形式较为单一，图解、视频等群众喜闻乐见的解读形式运用不够；",
        "三是依申请公开办理的规范化水平有待提高，个别答复文书说理不够充分；",
        "四是政务新媒体的互动回应能力不足，对网民关切回应不够及时。",
        "针对上述问题，{a}将采取以下措施加以改进：",
        "一是健全信息报送提醒机制，明确各科室信息报送任务和时限，定期通报报送情况；",
        "二是丰富政策解读形式，重要政策均同步制作图解或视频解读，提高解读的可读性；",
        "三是加强依申请公开业务培训，规范答复文书格式和说理，提升办理质量；",
        "四是加强政务新媒体运营管理，建立网民留言快速回应机制，及时回应社会关切。",
        "{y_next}年，{a}将继续深化政务公开，不断提升政府工作透明度。",
        "上年度报告中提出的问题已全部完成整改，整改情况已在门户网站公开。",
    ),
    "其他需要报告的事项": (
        "本年度{a}发出信息处理费收费通知{r1}件，收费金额{r2}元，实际收取信息处理费{r3}元。",
        "{a}办理人大代表建议{r4}件、政协提案{r5}件，办理结果已全部在门户网站公开。",
        "按照本级政务公开工作要点，{a}逐项落实年度任务，各项任务均已按期完成。",
        "全年开展政务公开专题调研{r6}次，形成调研报告并提出改进建议。",
        "认真落实政务公开标准化规范化要求，完成本部门基层政务公开标准目录的调整完善。",
        "本年度政府信息公开各项工作平稳有序，未发生泄密和不当公开事件。",
    ),
}

ASPECTS = ("主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障")
APPLICANTS = 6
RESULT_GROUPS = (
    ("予以公开", None),
    ("部分公开", None),
    ("不予公开", (
        "属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益",
        "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项",
    )),
    ("无法提供", ("本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确")),
    ("不予处理", (
        "信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请",
        "要求行政机关确认或重新出具已获取信息",
    )),
    ("其他处理", (
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "其他",
    )),
)  # fmt: skip
PART4_BLOCKS = ("行政复议", "未经复议直接起诉", "复议后起诉")

MISTAKES = (
    "off-by-one",
    "slash",
    "full-width",
    "late",
    "ordinal-key",
    "fee-in-yuan",
    "placeholder",
    "unit",
    "fee-silent",
)


def _row(cells: list[int]) -> str:
    return "[" + ", ".join(str(c) for c in cells) + "]"


def _figures(rng: random.Random) -> dict[str, int]:
    names = [f"{p}{i}" for p in "nmkpqr" for i in range(1, 18)]
    return {name: rng.randint(1, 60) * rng.choice((1, 1, 3, 7, 21)) for name in names}


def _paragraphs(
    rng: random.Random, part: str, agency: str, year: int, figures: dict, chars: int
) -> list[str]:
    """Paragraphs of `part` adding up to about `chars` characters, sentences in the pool's order."""
    pool = SENTENCES[part]
    short = agency.replace("人民政府", "").replace("办公室", "")[-6:] if rng.random() < 0.5 else "我局"
    out: list[str] = []
    total = 0
    while total < chars:
        picks = sorted(rng.sample(range(len(pool)), k=min(len(pool), rng.randint(3, 5))))
        paragraph = "".join(
            pool[i].format(a=short, y=year, y_next=year + 1, **{k: v for k, v in figures.items()})
            for i in picks
        )
        out.append(paragraph)
        total += len(paragraph)
    return out


def _block(paragraphs: list[str], indent: str) -> list[str]:
    lines: list[str] = []
    for paragraph in paragraphs:
        for start in range(0, len(paragraph), LINE_CHARS):
            lines.append(indent + paragraph[start : start + LINE_CHARS])
    return lines


def _table3(rng: random.Random) -> dict[str, list[int]]:
    """Rows of table 三 by label, every relation holding (rows, columns and the carry-over balance)."""
    scale = rng.choice((0, 1, 2, 5, 10, 40))
    results: dict[tuple[str, str | None], list[int]] = {}
    for group, items in RESULT_GROUPS:
        for item in items or (None,):
            weight = 4 if group in ("予以公开", "无法提供") else 1
            cells = [
                rng.randint(0, scale * weight) if rng.random() < (0.9 if column == 0 else 0.3) else 0
                for column in range(APPLICANTS)
            ]
            results[(group, item)] = [*cells, sum(cells)]
    completed = [sum(row[c] for row in results.values()) for c in range(APPLICANTS + 1)]
    carried_out = [rng.randint(0, max(0, completed[c] // 8)) for c in range(APPLICANTS)]
    carried_in = [rng.randint(0, completed[c] + carried_out[c]) // 4 for c in range(APPLICANTS)]
    new = [completed[c] + carried_out[c] - carried_in[c] for c in range(APPLICANTS)]
    table = {
        "new": [*new, sum(new)],
        "in": [*carried_in, sum(carried_in)],
        "out": [*carried_out, sum(carried_out)],
        "total": completed,
    }
    table.update({f"{g}/{i}": row for (g, i), row in results.items()})
    return table


def _table4(rng: random.Random) -> dict[str, list[int]]:
    table = {}
    for block in PART4_BLOCKS:
        cells = [rng.choice((0, 0, 0, 1, 2, 3, 5)) for _ in range(4)]
        table[block] = [*cells, sum(cells)]
    return table


def report(index: int, seed: int, mistakes: tuple[str, ...] = ()) -> str:
    """The text of one report of 20–30 KB; `mistakes` names the deliberate errors it carries."""
    low, high = TARGET_BYTES
    adjust = 0
    for _ in range(6):
        text = _report(random.Random(seed * 100_003 + index), mistakes, adjust)
        size = len(text.encode("utf-8"))
        if low <= size <= high:
            break
        adjust += (low + 1_000 - size) if size < low else (high - 1_000 - size)
    return text


def _report(rng: random.Random, mistakes: tuple[str, ...], adjust: int) -> str:
    city = rng.choice(CITIES)
    kind = rng.choice(("部门", "部门", "部门", "本级政府"))
    if kind == "部门":
        agency = city + (rng.choice(DISTRICTS) if rng.random() < 0.5 else "") + rng.choice(BUREAUS)
    else:
        agency = city + (rng.choice(DISTRICTS) if rng.random() < 0.5 else "") + GOVERNMENTS[0]
    year = rng.choice((2021, 2022, 2023, 2024))
    deadline_month = 1 if kind == "部门" else 3
    published = f"{year + 1}-{deadline_month:02d}-{rng.randint(10, 28):02d}"
    if "late" in mistakes:
        published = f"{year + 1}-{deadline_month + 1:02d}-{rng.randint(2, 20):02d}"
    figures = _figures(rng)
    t3 = _table3(rng)
    t4 = _table4(rng)
    figures.update(m1=t3["new"][6] + t3["in"][6], m2=t3["new"][6], m3=t3["in"][6])
    figures.update(m4=t3["total"][6], m5=t3["out"][6])
    # The narrative agrees with itself and with the tables: "其中" parts make at most their whole,
    # and the fee notices cover the applications dropped for an unpaid fee (table 三 （六）2).
    figures["n1"] = figures["n2"] + figures["n3"] + figures["n4"] + rng.randint(0, 400)
    figures["n6"] = figures["n7"] + figures["n8"] + rng.randint(0, 30)
    unpaid = t3["其他处理/申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"][6]
    figures["r1"] = unpaid + rng.randint(0, 3)
    figures["r2"] = figures["r1"] * rng.choice((0, 50, 100, 200))
    figures["r3"] = figures["r2"] * rng.choice((0, 1)) if figures["r1"] > unpaid else 0

    budget = rng.randint(*TARGET_BYTES) - 5_500 + adjust  # bytes of narrative: tables and keys take ~5.5 KB
    chars = budget // 3  # a CJK character is 3 bytes of UTF-8
    shares = {part: rng.uniform(0.8, 1.2) for part in SENTENCES}
    shares["其他需要报告的事项"] *= 0.4
    scale = chars / sum(shares.values())

    one_text = rng.random() < 0.2  # 总体情况 as one text instead of its five aspects
    lines = [
        "# yaml-language-server: $schema=../schemas/report-2021.schema.json",
        f"# {agency} {year} 年政府信息公开工作年度报告（基准测试生成）。",
        "格式版本: 2021",
        f"机关: {agency}",
        f"年度: {year}",
        f"报告类型: {kind}",
        f"发布日期: {published}",
        "",
        "总体情况:" + (" |" if one_text else ""),
    ]
    for aspect in ASPECTS:
        paragraphs = _paragraphs(rng, aspect, agency, year, figures, int(shares[aspect] * scale))
        if "placeholder" in mistakes and aspect == "监督保障":
            paragraphs[-1] = paragraphs[-1][:20] + "全年组织培训（待填写）次。" + paragraphs[-1][20:]
        if not one_text:
            lines.append(f"  {aspect}: |")
        lines += _block(paragraphs, "  " if one_text else "    ")
    lines.append("")

    docs = [rng.randint(0, 4), rng.randint(0, 2)]
    docs.append(docs[0] + rng.randint(5, 40))
    fee = f"{rng.randint(0, 9999) / 100:.2f}"
    if "fee-in-yuan" in mistakes:
        fee = str(rng.randint(150_000, 900_000))
    normative = ", ".join(
        f"{c}: {v}" for c, v in zip(("本年制发件数", "本年废止件数", "现行有效件数"), docs, strict=True)
    )
    if "full-width" in mistakes:
        normative = normative.replace(
            f"现行有效件数: {docs[2]}", f"现行有效件数: {_full_width(str(docs[2]))}"
        )
    licensing = str(rng.randint(0, 3000))
    if "unit" in mistakes:
        licensing = f"{licensing}件"
    lines += [
        "主动公开政府信息情况:",
        "  规章: {本年制发件数: 0, 本年废止件数: 0, 现行有效件数: 0}",
        f"  行政规范性文件: {{{normative}}}",
        f"  行政许可: {{本年处理决定数量: {licensing}}}",
        f"  行政处罚: {{本年处理决定数量: {rng.randint(0, 500)}}}",
        f"  行政强制: {{本年处理决定数量: {rng.randint(0, 50)}}}",
        f"  行政事业性收费: {{本年收费金额: {fee}}}       # 万元",
        "",
    ]

    if "off-by-one" in mistakes:
        t3["予以公开/None"][0] += 1  # breaks its row and its column: DL205 at this cell
    cells3 = {key: _row(row) for key, row in t3.items()}
    if "slash" in mistakes:
        row = t3["不予处理/重复申请"]
        cells3["不予处理/重复申请"] = "[" + ", ".join(["/", *(str(c) for c in row[1:])]) + "]"
    lines += [
        "收到和处理政府信息公开申请情况:",
        "  #                                  [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]",
        f"  本年新收政府信息公开申请数量:         {cells3['new']}",
        f"  上年结转政府信息公开申请数量:         {cells3['in']}",
        "  本年度办理结果:",
    ]
    for group, items in RESULT_GROUPS:
        if items is None:
            lines.append(f"    {group}:{' ' * max(1, 30 - 2 * len(group))}{cells3[f'{group}/None']}")
            continue
        lines.append(f"    {group}:")
        for item in items:
            lines.append(f"      {item}:{' ' * max(1, 30 - 2 * len(item))}{cells3[f'{group}/{item}']}")
    lines += [
        f"    总计:                             {cells3['total']}",
        f"  结转下年度继续办理:                 {cells3['out']}",
        "",
        "政府信息公开行政复议、行政诉讼情况:",
        "  #                 [结果维持, 结果纠正, 其他结果, 尚未审结, 总计]",
        *(f"  {block}:{' ' * max(1, 18 - 2 * len(block))}{_row(t4[block])}" for block in PART4_BLOCKS),
        "",
    ]

    part5 = "存在的主要问题及改进情况"
    lines.append(f"{'五、' if 'ordinal-key' in mistakes else ''}{part5}: |")
    lines += _block(_paragraphs(rng, part5, agency, year, figures, int(shares[part5] * scale)), "  ")
    lines.append("")
    lines.append("其他需要报告的事项: |")
    others = _paragraphs(
        rng, "其他需要报告的事项", agency, year, figures, int(shares["其他需要报告的事项"] * scale)
    )
    if "fee-silent" in mistakes:
        others = [p for p in (_strip_fee(p) for p in others) if p] or ["无其他需要报告的事项。"]
    elif not any("信息处理费" in p for p in others):
        others.insert(0, "本年度未收取信息处理费。")
    lines += _block(others, "  ")
    return "\n".join(lines) + "\n"


def _strip_fee(paragraph: str) -> str:
    sentences = paragraph.split("。")
    return "。".join(s for s in sentences if "费" not in s)


def _full_width(digits: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) for c in digits)


def mistakes_for(index: int, mistake_every: int) -> tuple[str, ...]:
    """Every `mistake_every`-th report has one or two mistakes, cycling through the kinds."""
    if mistake_every <= 0 or index % mistake_every != mistake_every - 1:
        return ()
    turn = index // mistake_every
    first = MISTAKES[turn % len(MISTAKES)]
    if turn % 3 == 0:
        return (first, MISTAKES[(turn + 4) % len(MISTAKES)])
    return (first,)


def generate(out_dir: Path, count: int, seed: int = 2024, mistake_every: int = 5) -> list[Path]:
    """Write `count` reports into `out_dir` and return their paths, in name order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = out_dir / f"report-{index:05d}.yaml"
        path.write_text(report(index, seed, mistakes_for(index, mistake_every)), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("-n", "--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--mistake-every", type=int, default=5, help="every Nth report has mistakes (0: none)"
    )
    args = parser.parse_args()
    paths = generate(args.out_dir, args.count, args.seed, args.mistake_every)
    sizes = sorted(p.stat().st_size for p in paths)
    print(
        f"{len(paths)} reports in {args.out_dir}: {sizes[0]}–{sizes[-1]} bytes, median {sizes[len(sizes) // 2]}"
    )


if __name__ == "__main__":
    main()
