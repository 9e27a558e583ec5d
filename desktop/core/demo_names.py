"""Chinese place and person names for demo rounds, after the Changzhou article's scale."""

from __future__ import annotations

import random

# The six districts of the article (Changzhou, 2017–2019) and their villages inspected: 703.
CHANGZHOU_DISTRICTS: tuple[tuple[str, int], ...] = (
    ("溧阳市", 175), ("金坛区", 128), ("武进区", 186),
    ("新北区", 98), ("天宁区", 56), ("钟楼区", 60),
)

TOWN_NAMES: dict[str, tuple[str, ...]] = {
    "溧阳市": ("溧城镇", "埭头镇", "上黄镇", "戴埠镇", "天目湖镇", "别桥镇", "上兴镇",
             "竹箦镇", "南渡镇", "社渚镇"),
    "金坛区": ("金城镇", "儒林镇", "直溪镇", "朱林镇", "薛埠镇", "指前镇", "尧塘街道"),
    "武进区": ("湖塘镇", "牛塘镇", "洛阳镇", "遥观镇", "横林镇", "横山桥镇", "雪堰镇",
             "前黄镇", "礼嘉镇", "嘉泽镇", "湟里镇"),
    "新北区": ("孟河镇", "新桥街道", "薛家镇", "罗溪镇", "西夏墅镇", "奔牛镇", "春江街道"),
    "天宁区": ("郑陆镇", "青龙街道", "茶山街道", "雕庄街道", "红梅街道"),
    "钟楼区": ("邹区镇", "北港街道", "西林街道", "五星街道", "永红街道", "荷花池街道"),
}

_FIRST = "东西南北前后上下大小新老长高中塘桥河湖山水林竹梅桃杨柳黄白青红金银石凤龙"
_SECOND = "桥塘庄港村墩湾岗庙圩溪浜坝埠头里甸舍圩泾渎荡墅口"
_SUFFIX = ("村", "村", "村", "社区")

_SURNAMES = "王李张刘陈杨黄赵周吴徐孙朱马胡郭林何高罗郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文玉兰春海燕晓东"


def village_names(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    """``count`` distinct village names not in ``taken`` (which is updated)."""
    names: list[str] = []
    while len(names) < count:
        name = rng.choice(_FIRST) + rng.choice(_SECOND) + rng.choice(_SUFFIX)
        if name not in taken:
            taken.add(name)
            names.append(name)
    return names


def person_name(rng: random.Random) -> str:
    given = rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(_SURNAMES) + given
