<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../posenc_gui/app/dialogs.py" line="46"/>
        <source>About PosEnc Explorer</source>
        <translation>关于 PosEnc Explorer</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/dialogs.py" line="49"/>
        <source>Transformer positional encodings and self-attention, visible and live.</source>
        <translation>让 Transformer 的位置编码与自注意力看得见、动起来。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/dialogs.py" line="54"/>
        <source>Licences of the app and of everything it bundles:</source>
        <translation>本应用及其捆绑的全部组件的许可证：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/dialogs.py" line="76"/>
        <source>The licence texts are missing from this installation.</source>
        <translation>此安装中缺少许可证文本。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/dialogs.py" line="87"/>
        <source>Cannot read {0}: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>AttentionView</name>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="48"/>
        <source>head {0}</source>
        <translation>头 {0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="54"/>
        <source>{0}: full</source>
        <translation>{0}：完整</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="98"/>
        <source>Not used here: the tokens set the length</source>
        <translation>此视图不使用：长度由词元决定</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="105"/>
        <source>Tokens:</source>
        <translation>词元：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="103"/>
        <source>Words separated by spaces (Chinese text: one token per character)</source>
        <translation>用空格分隔的单词（中文文本：每个字一个词元）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="111"/>
        <source>Head:</source>
        <translation>头：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="109"/>
        <source>One head, or all heads as small multiples</source>
        <translation>单个头，或以小图阵列显示全部头</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="61"/>
        <source>{0} · sink {1}</source>
        <translation>{0} · 汇点 {1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="112"/>
        <source>Causal</source>
        <translation>因果掩码</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="113"/>
        <source>Decoder form: each token attends only to itself and earlier tokens</source>
        <translation>解码器形式：每个词元只关注自己和它之前的词元</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="116"/>
        <source>Content / position parts</source>
        <translation>内容 / 位置分项</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="117"/>
        <source>Show softmax of the content-only logits beside the position-only logits (the bias, or the encoding-encoding term)</source>
        <translation>把仅含内容的 logits 与仅含位置的 logits（偏置，或编码与编码的乘积项）分别做 softmax，并排显示</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="135"/>
        <source>head {0} does not exist; this method has {1} heads (0 to {2})</source>
        <translation>头 {0} 不存在；此方法共有 {1} 个头（0 到 {2}）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="167"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="197"/>
        <source>{0}: {1} to {2}</source>
        <translation>{0}：{1} 至 {2}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="256"/>
        <source>{0}: query {1} ({2}) → key {3} ({4}): masked, not seen</source>
        <translation>{0}：查询 {1}（{2}）→ 键 {3}（{4}）：已屏蔽，看不到</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="263"/>
        <source>; the sink takes {0} of this query&apos;s attention</source>
        <translation>；汇点占该查询注意力的 {0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="94"/>
        <source>query</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="94"/>
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="94"/>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="258"/>
        <source>{0}: query {1} ({2}) → key {3} ({4}): weight {5}</source>
        <translation>{0}：查询 {1}（{2}）→ 键 {3}（{4}）：权重 {5}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="303"/>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="55"/>
        <source>{0}: content</source>
        <translation>{0}：仅内容</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/attention.py" line="57"/>
        <source>{0}: position</source>
        <translation>{0}：仅位置</translation>
    </message>
</context>
<context>
    <name>BiasView</name>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="39"/>
        <source>Head:</source>
        <translation>头：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="37"/>
        <source>One head, or all heads as small multiples</source>
        <translation>单个头，或以小图阵列显示全部头</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="51"/>
        <source>head {0} does not exist; this method has {1} heads</source>
        <translation>头 {0} 不存在；此方法共有 {1} 个头</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="74"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="78"/>
        <source>head {0}</source>
        <translation>头 {0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="34"/>
        <source>query i</source>
        <translation>查询 i</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="34"/>
        <source>key j</source>
        <translation>键 j</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="34"/>
        <source>bias added to the logit</source>
        <translation>加到 logit 上的偏置</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="81"/>
        <source>{0}: {1} to {2}</source>
        <translation>{0}：{1} 至 {2}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="108"/>
        <source>{0}, query {1}, key {2}: masked (a causal query sees no later key)</source>
        <translation>{0}，查询 {1}，键 {2}：已屏蔽（因果查询看不到之后的键）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="109"/>
        <source>{0}, query {1}, key {2} (offset j - i = {3}): bias {4}</source>
        <translation>{0}，查询 {1}，键 {2}（偏移 j - i = {3}）：偏置 {4}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="308"/>
        <source>Bias per head</source>
        <translation>各头的偏置</translation>
    </message>
</context>
<context>
    <name>ChoosingPage</name>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="229"/>
        <source>Choosing a positional encoding</source>
        <translation>如何选择位置编码</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="229"/>
        <source>Strengths and weaknesses</source>
        <translation>优点与缺点</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="231"/>
        <source>Situation</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="231"/>
        <source>Use</source>
        <translation>选用</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="231"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="233"/>
        <source>Encoding</source>
        <translation>位置编码</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="233"/>
        <source>For</source>
        <translation>优点</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="233"/>
        <source>Against</source>
        <translation>缺点</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="326"/>
        <source>Choosing an encoding</source>
        <translation>如何选择编码</translation>
    </message>
</context>
<context>
    <name>ClocksLesson</name>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/clocks.py" line="63"/>
        <location filename=".registry_strings.py" line="330"/>
        <source>Clocks and bits</source>
        <translation>时钟与二进制位</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/clocks.py" line="79"/>
        <source>Each (sin, cos) pair of the sinusoid is a clock hand. At position &lt;i&gt;p&lt;/i&gt; hand &lt;i&gt;i&lt;/i&gt; has turned &lt;i&gt;p&lt;/i&gt;·ω&lt;sub&gt;i&lt;/sub&gt; radians, and its tip is the pair&apos;s two encoding values. The first hands race round; the last barely move. A binary counter does the same: its lowest bit flips at every step, each higher bit half as often. Sweep &lt;b&gt;position&lt;/b&gt; with Play in the panel to watch both.</source>
        <translation>正弦位置编码的每一对 (sin, cos) 都是一根时钟指针。在位置 &lt;i&gt;p&lt;/i&gt;，第 &lt;i&gt;i&lt;/i&gt; 根指针转过了 &lt;i&gt;p&lt;/i&gt;·ω&lt;sub&gt;i&lt;/sub&gt; 弧度，指针尖端的坐标就是这一对的两个编码值。前几根指针飞快旋转，最后几根几乎不动。二进制计数器也是如此：最低位每一步都翻转，每高一位，翻转频率减半。在参数面板中用“播放”扫描&lt;b&gt;位置&lt;/b&gt;，即可同时观察两者。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/clocks.py" line="86"/>
        <source>The position p the hands and bits show</source>
        <translation>指针和二进制位所显示的位置 p</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/clocks.py" line="88"/>
        <location filename="../../posenc_gui/app/views/lessons/clocks.py" line="258"/>
        <source>Position p:</source>
        <translation>位置 p：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/clocks.py" line="258"/>
        <source>Position m:</source>
        <translation>位置 m：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/clocks.py" line="259"/>
        <source>Hands:</source>
        <translation>指针数：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/clocks.py" line="274"/>
        <source>pair {0}</source>
        <translation>第 {0} 对</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/clocks.py" line="325"/>
        <source>p = {0} = {1}₂</source>
        <translation>p = {0} = {1}₂</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/clocks.py" line="353"/>
        <source>a turn every {0}
turns made: {1}</source>
        <translation>每 {0} 个位置转一圈
已转圈数：{1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/clocks.py" line="354"/>
        <source>every {0}
{1} turns</source>
        <translation>周期 {0}
已转 {1} 圈</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/clocks.py" line="250"/>
        <source>bit {0}: flips every {1}</source>
        <translation>第 {0} 位：每 {1} 个位置翻转</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/clocks.py" line="72"/>
        <source>RoPE adds nothing to the token: it turns each pair of channels of the query and the key. At position &lt;i&gt;m&lt;/i&gt; pair &lt;i&gt;i&lt;/i&gt; of q and of k turns by &lt;i&gt;m&lt;/i&gt;·θ&lt;sub&gt;i&lt;/sub&gt; radians, θ&lt;sub&gt;i&lt;/sub&gt;&amp;nbsp;=&amp;nbsp;base&lt;sup&gt;−2i/&amp;#8288;d&lt;/sup&gt;: each hand is that angle. The first pairs race round; the last barely move. A query at &lt;i&gt;m&lt;/i&gt; and a key at &lt;i&gt;n&lt;/i&gt; differ by (&lt;i&gt;m&lt;/i&gt;&amp;nbsp;−&amp;nbsp;&lt;i&gt;n&lt;/i&gt;)·θ&lt;sub&gt;i&lt;/sub&gt; in every pair, so their dot product sees only the offset. Sweep &lt;b&gt;position&lt;/b&gt; with Play in the panel.</source>
        <translation>RoPE 不往词元上加任何东西：它旋转查询和键的每一对通道。在位置 &lt;i&gt;m&lt;/i&gt;，q 和 k 的第 &lt;i&gt;i&lt;/i&gt; 对都转过 &lt;i&gt;m&lt;/i&gt;·θ&lt;sub&gt;i&lt;/sub&gt; 弧度，θ&lt;sub&gt;i&lt;/sub&gt;&amp;nbsp;=&amp;nbsp;base&lt;sup&gt;−2i/&amp;#8288;d&lt;/sup&gt;：每根指针就是这个角度。前几对飞快旋转，最后几对几乎不动。位于 &lt;i&gt;m&lt;/i&gt; 的查询和位于 &lt;i&gt;n&lt;/i&gt; 的键在每一对上相差 (&lt;i&gt;m&lt;/i&gt;&amp;nbsp;−&amp;nbsp;&lt;i&gt;n&lt;/i&gt;)·θ&lt;sub&gt;i&lt;/sub&gt;，所以它们的点积只看得到偏移。在参数面板中用“播放”扫描&lt;b&gt;位置&lt;/b&gt;。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/clocks.py" line="305"/>
        <source>{0} with d = {1}, base = {2}: {3} pairs, drawn {4} of them, unscaled. Pair 0 of q and k turns once every {5} positions; the slowest shown once every {6}.</source>
        <translation>{0}，d = {1}，底数 = {2}：共 {3} 对，画出其中 {4} 对，未缩放。q 和 k 的第 0 对每 {5} 个位置转一圈；画出的最慢一对每 {6} 个位置转一圈。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/clocks.py" line="327"/>
        <source>Sinusoid with d = {0}, base = {1}: {2} pairs, drawn {3} of them. Hand 0 turns once every {4} positions; the slowest shown once every {5}. Bits and hands are both listed fastest first.</source>
        <translation>正弦位置编码，d = {0}，底数 = {1}：共 {2} 对，画出其中 {3} 对。指针 0 每 {4} 个位置转一圈；画出的最慢指针每 {5} 个位置转一圈。二进制位和指针都按从快到慢排列。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/clocks.py" line="389"/>
        <source>pair {0}: angle m·θ = {1} rad = {2} turns + {3} rad; sin {4}, cos {5}</source>
        <translation>第 {0} 对：角度 m·θ = {1} 弧度 = {2} 圈 + {3} 弧度；sin {4}，cos {5}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/clocks.py" line="390"/>
        <source>pair {0}: angle p·ω = {1} rad = {2} turns + {3} rad; sin {4}, cos {5}</source>
        <translation>第 {0} 对：角度 p·ω = {1} 弧度 = {2} 圈 + {3} 弧度；sin {4}，cos {5}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/clocks.py" line="397"/>
        <source>bit {0} = {1}: flips every {2} positions</source>
        <translation>第 {0} 位 = {1}：每 {2} 个位置翻转一次</translation>
    </message>
</context>
<context>
    <name>ContextExtensionLesson</name>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/context_extension.py" line="49"/>
        <location filename=".registry_strings.py" line="331"/>
        <source>Context extension</source>
        <translation>上下文扩展</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/context_extension.py" line="64"/>
        <source>s·L0</source>
        <translation>s·L0</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/context_extension.py" line="255"/>
        <source>1/s</source>
        <translation>1/s</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/context_extension.py" line="193"/>
        <source>pair i</source>
        <translation>维度对 i</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/context_extension.py" line="54"/>
        <source>A model trained on L&lt;sub&gt;0&lt;/sub&gt; positions has never seen a slow pair turn further than it did within L&lt;sub&gt;0&lt;/sub&gt;. To reach s·L&lt;sub&gt;0&lt;/sub&gt;, &lt;b&gt;linear&lt;/b&gt; interpolation slows every pair by s; &lt;b&gt;NTK-aware&lt;/b&gt; raises the base, so fast pairs stay and slow ones stretch; &lt;b&gt;dynamic NTK&lt;/b&gt; raises it only as far as the current length needs; &lt;b&gt;YaRN&lt;/b&gt; and &lt;b&gt;Llama 3&lt;/b&gt; keep the fast pairs, divide the slow ones by s and blend in between; &lt;b&gt;LongRoPE&lt;/b&gt; divides each pair by its own searched factor, short ones up to L&lt;sub&gt;0&lt;/sub&gt; and long ones beyond.</source>
        <translation>在 L&lt;sub&gt;0&lt;/sub&gt; 个位置上训练的模型，从未见过慢速维度对转过比 L&lt;sub&gt;0&lt;/sub&gt; 以内更大的角度。要扩展到 s·L&lt;sub&gt;0&lt;/sub&gt;：&lt;b&gt;线性&lt;/b&gt;插值把每一对都放慢 s 倍；&lt;b&gt;NTK-aware&lt;/b&gt; 增大底数，快的维度对保持不变，慢的被拉伸；&lt;b&gt;动态 NTK&lt;/b&gt; 只把底数增大到当前长度所需的程度；&lt;b&gt;YaRN&lt;/b&gt; 和 &lt;b&gt;Llama 3&lt;/b&gt; 保留快的维度对，把慢的除以 s，介于两者之间的做平滑混合；&lt;b&gt;LongRoPE&lt;/b&gt; 把每一对除以各自搜索得到的系数，长度不超过 L&lt;sub&gt;0&lt;/sub&gt; 时用短系数，超过时用长系数。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/context_extension.py" line="109"/>
        <source>{0} at L = {1}</source>
        <translation>{0}，L = {1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/context_extension.py" line="119"/>
        <source>training length L0 = {0}</source>
        <translation>训练长度 L0 = {0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/context_extension.py" line="120"/>
        <source>extended length s·L0 = {0}</source>
        <translation>扩展后长度 s·L0 = {0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/context_extension.py" line="265"/>
        <source>this scene&apos;s RoPE parameters</source>
        <translation>本场景的 RoPE 参数</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/context_extension.py" line="266"/>
        <source>the RoPE defaults (choose RoPE in the panel to change them)</source>
        <translation>RoPE 的默认参数（在参数面板中选择 RoPE 即可修改）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/context_extension.py" line="270"/>
        <source>d = {0}, base = {1}, s = {2}, L0 = {3}: {4}. Besides the frequencies, some scalings multiply cos and sin by an attention factor: {5}.</source>
        <translation>d = {0}，底数 = {1}，s = {2}，L0 = {3}：{4}。除了频率之外，有些缩放还会把 cos 和 sin 乘以注意力系数：{5}。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/context_extension.py" line="273"/>
        <source>none here</source>
        <translation>此处没有</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/context_extension.py" line="300"/>
        <source>pair {0}, {1}: {2}</source>
        <translation>第 {0} 对，{1}：{2}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/context_extension.py" line="119"/>
        <source>L0 = {0}</source>
        <translation>L0 = {0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/context_extension.py" line="120"/>
        <source>s·L0 = {0}</source>
        <translation>s·L0 = {0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/context_extension.py" line="160"/>
        <source>frequency (rad/position)</source>
        <translation>频率（弧度/位置）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/context_extension.py" line="161"/>
        <source>wavelength (positions)</source>
        <translation>波长（位置数）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/context_extension.py" line="162"/>
        <source>stretch (1 = kept)</source>
        <translation>拉伸比（1 = 不变）</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message numerus="yes">
        <location filename="../../posenc_gui/app/crash.py" line="213"/>
        <source>%n more error(s) happened since; all are in the log:</source>
        <translation>
            <numerusform>此后又发生了 %n 个错误，全部记录在日志中：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/crash.py" line="216"/>
        <source>PosEnc Explorer: something went wrong</source>
        <translation>PosEnc Explorer：出错了</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/crash.py" line="217"/>
        <source>An unexpected error happened. The app is still running; if a view looks wrong, change a parameter or open another scene.</source>
        <translation>发生了意外错误。应用仍在运行；如果某个视图显示异常，请修改一个参数或打开另一个场景。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/crash.py" line="219"/>
        <source>A report was written to:</source>
        <translation>错误报告已写入：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/crash.py" line="222"/>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
</context>
<context>
    <name>DecayView</name>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="246"/>
        <source>score of identical rotated q and k (all ones) against their offset, per dimension</source>
        <translation>相同的 q 与 k（全为 1）旋转后的得分随相对偏移的变化（按维度平均）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="248"/>
        <source>offset m - n</source>
        <translation>相对偏移 m - n</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="248"/>
        <source>score / d</source>
        <translation>得分 / d</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="328"/>
        <source>Score vs offset</source>
        <translation>得分与相对偏移</translation>
    </message>
</context>
<context>
    <name>DeckControls</name>
    <message>
        <location filename="../../posenc_gui/app/deck_controls.py" line="203"/>
        <source>Scene {0} updated</source>
        <translation>场景 {0} 已更新</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/deck_controls.py" line="240"/>
        <source>scene {0} of {1}</source>
        <translation>场景 {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/deck_controls.py" line="242"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/deck_controls.py" line="244"/>
        <source>no deck open</source>
        <translation>未打开课件</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/deck_controls.py" line="245"/>
        <source>PosEnc Explorer</source>
        <translation>PosEnc Explorer</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/deck_controls.py" line="248"/>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/deck_controls.py" line="253"/>
        <source>(no notes for this scene)</source>
        <translation>（此场景没有备注）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/deck_controls.py" line="259"/>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
</context>
<context>
    <name>EncodingView</name>
    <message>
        <location filename="../../posenc_gui/app/views/encoding.py" line="110"/>
        <source>Position shown across dimensions:</source>
        <translation>按维度展示的位置：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/encoding.py" line="113"/>
        <source>Which position (row of the heatmap) the lower-right plot shows; shift-click a row of the heatmap to pick it</source>
        <translation>右下图展示哪个位置（热力图的哪一行）；按住 Shift 单击热力图的某一行即可选中</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/encoding.py" line="118"/>
        <source>Click a column of the heatmap to add or remove its curve.</source>
        <translation>单击热力图的某一列，添加或移除它的曲线。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/encoding.py" line="117"/>
        <source>Clear curves</source>
        <translation>清除曲线</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/encoding.py" line="123"/>
        <source>dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/encoding.py" line="123"/>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/encoding.py" line="123"/>
        <source>value</source>
        <translation>取值</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/encoding.py" line="171"/>
        <source>colours clipped at {0}: position {1}, dimension {2} reaches {3}</source>
        <translation>颜色范围截断于 {0}：位置 {1}、维度 {2} 的值达到 {3}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/encoding.py" line="245"/>
        <location filename="../../posenc_gui/app/views/encoding.py" line="260"/>
        <source>dim {0}</source>
        <translation>维度 {0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/encoding.py" line="233"/>
        <source>chosen dimensions across positions</source>
        <translation>所选维度随位置的变化</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/encoding.py" line="234"/>
        <source>click a heatmap column to draw it</source>
        <translation>单击热力图某列来画出它</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/encoding.py" line="235"/>
        <source>position {0} across dimensions</source>
        <translation>位置 {0} 在各维度上的取值</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/encoding.py" line="350"/>
        <source>position {0}, dimension {1}: {2}</source>
        <translation>位置 {0}，维度 {1}：{2}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/encoding.py" line="352"/>
        <source>position {0}, value {1}</source>
        <translation>位置 {0}，取值 {1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/encoding.py" line="354"/>
        <source>dimension {0}, value {1}</source>
        <translation>维度 {0}，取值 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="304"/>
        <source>Encoding</source>
        <translation>位置编码</translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="63"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="66"/>
        <source>Opened {0}; the layer strip lists what the scene leaves out</source>
        <translation>已打开 {0}；层条带列出了场景未包含的部分</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="67"/>
        <source>Opened {0}</source>
        <translation>已打开 {0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="87"/>
        <source>PNG width must be from {0} to {1} pixels, not {2}</source>
        <translation>PNG 宽度必须在 {0} 到 {1} 像素之间，而不是 {2}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="116"/>
        <source>Writing {0}…</source>
        <translation>正在写入 {0}…</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="131"/>
        <source>Figure copied to the clipboard</source>
        <translation>图像已复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="141"/>
        <source>Cancelled: {0} was not written</source>
        <translation>已取消：{0} 未写入</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="143"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="166"/>
        <source>Open lecture deck</source>
        <translation>打开课件</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="166"/>
        <source>Lecture decks (*.posdeck *.json);;All files (*)</source>
        <translation>课件 (*.posdeck *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="171"/>
        <source>Open scene</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="171"/>
        <source>Scenes (*.json);;All files (*)</source>
        <translation>场景 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="176"/>
        <source>Open model config</source>
        <translation>打开模型配置</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="176"/>
        <source>Model configs (*.json);;All files (*)</source>
        <translation>模型配置 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="189"/>
        <source>Save scene</source>
        <translation>保存场景</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="189"/>
        <source>Scenes (*.json)</source>
        <translation>场景 (*.json)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="194"/>
        <source>Save deck</source>
        <translation>保存课件</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="194"/>
        <source>Lecture decks (*.posdeck *.json)</source>
        <translation>课件 (*.posdeck *.json)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="199"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="199"/>
        <source>SVG vector drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="200"/>
        <source>PDF vector document (*.pdf)</source>
        <translation>PDF 矢量文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="201"/>
        <source>Export figure</source>
        <translation>导出图像</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="207"/>
        <source>Export figure as PNG</source>
        <translation>导出图像为 PNG</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="208"/>
        <source>Width in pixels (the height follows the figure; text scales with it):</source>
        <translation>宽度（像素；高度随图形而定，文字随之缩放）：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="215"/>
        <source>CSV table, main array (*.csv)</source>
        <translation>CSV 表格，主数组 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="215"/>
        <source>NumPy array, main array (*.npy)</source>
        <translation>NumPy 数组，主数组 (*.npy)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="216"/>
        <source>NumPy archive, every array shown (*.npz)</source>
        <translation>NumPy 归档，包含显示的全部数组 (*.npz)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="217"/>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="222"/>
        <source>Export handout</source>
        <translation>导出讲义</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/file_commands.py" line="222"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>FrequencyView</name>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="272"/>
        <source>angular frequency of each pair (log scale)</source>
        <translation>每个维度对的角频率（对数坐标）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="274"/>
        <source>every frequency is 0: q and k are not rotated (no positions in this layer)</source>
        <translation>每个频率都是 0：q 和 k 不旋转（这一层没有位置信息）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="276"/>
        <location filename="../../posenc_gui/app/views/relative.py" line="278"/>
        <source>pair i</source>
        <translation>维度对 i</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="277"/>
        <source>frequency (rad / position)</source>
        <translation>频率（弧度 / 位置）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="278"/>
        <source>wavelength 2π / frequency (log scale)</source>
        <translation>波长 2π / 频率（对数坐标）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="278"/>
        <source>wavelength (positions)</source>
        <translation>波长（位置数）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="302"/>
        <source>sequence length {0}</source>
        <translation>序列长度 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="329"/>
        <source>Frequencies</source>
        <translation>频率</translation>
    </message>
</context>
<context>
    <name>ImagesLesson</name>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/images.py" line="64"/>
        <source>A Vision Transformer cuts the image into patches (ViT-B/16 at 224 px: a 14 × 14 grid) and needs a position for each. &lt;b&gt;Click a patch&lt;/b&gt;: each panel colours every patch by the cosine similarity of its position code to the chosen one. &lt;b&gt;2D sin-cos&lt;/b&gt; (MAE): the first half of the {0} channels encodes the column, the second half the row. &lt;b&gt;Learned grid&lt;/b&gt;: a table trained at another grid size, resized bicubically, as ViT does for a new image size; this table is &lt;b&gt;synthetic&lt;/b&gt; (a smooth seeded stand-in, not a trained model). &lt;b&gt;2D RoPE&lt;/b&gt;: in one head of {1}, half the pairs rotate by the column, half by the row, so the score of two patches depends only on their offset (dy, dx).</source>
        <translation>视觉 Transformer 把图像切成图块（ViT-B/16 在 224 像素下为 14 × 14 的网格），每个图块都需要一个位置。&lt;b&gt;单击一个图块&lt;/b&gt;：每个面板按各图块位置编码与所选图块的余弦相似度着色。&lt;b&gt;二维 sin-cos&lt;/b&gt;（MAE）：{0} 个通道中前一半编码列，后一半编码行。&lt;b&gt;可学习网格&lt;/b&gt;：在另一种网格大小上训练的表，用双三次插值缩放，正如 ViT 换图像尺寸时的做法；这里的表是&lt;b&gt;合成的&lt;/b&gt;（用固定种子生成的平滑替代品，并非训练所得）。&lt;b&gt;二维 RoPE&lt;/b&gt;：在一个 {1} 维的头里，一半维度对按列旋转，一半按行旋转，因此两个图块的得分只取决于它们的偏移 (dy, dx)。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/images.py" line="74"/>
        <source>For video, each patch has a frame, a row and a column: a third of the channels encodes each. &lt;b&gt;Click a patch&lt;/b&gt; in any frame: the panels show its similarity to every patch of every frame. The same place in the next frame is close, as are neighbours in the same frame.</source>
        <translation>对视频而言，每个图块都有帧、行、列三个坐标，各用三分之一的通道编码。在任意一帧中&lt;b&gt;单击一个图块&lt;/b&gt;：各面板显示它与每一帧中每个图块的相似度。下一帧中同一位置的图块与它很接近，同一帧中相邻的图块也是如此。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/images.py" line="78"/>
        <source>Axial 2D RoPE (EVA-02, RoPE-ViT) turns half of a head&apos;s pairs by the patch&apos;s row and half by its column. The score of the query at the chosen patch against the key at another is then the sum of two parts: the row pairs give a part that depends only on the row offset dy (the same along each row), the column pairs one that depends only on the column offset dx (the same down each column). &lt;b&gt;Click a patch&lt;/b&gt;: the pattern moves with it and keeps its shape; only (dy, dx) counts, never where the patches are. Here q = k = all ones in one head of {0}, base 10000, the score divided by its value at offset 0.</source>
        <translation>轴向二维 RoPE（EVA-02、RoPE-ViT）把一个头中一半的通道对按图块的行旋转，另一半按列旋转。于是所选图块上的查询与另一个图块上的键的得分是两部分之和：行通道对给出的部分只取决于行偏移 dy（沿每一行都相同），列通道对给出的部分只取决于列偏移 dx（沿每一列都相同）。&lt;b&gt;单击一个图块&lt;/b&gt;：图样随它移动而形状不变；起作用的只有 (dy, dx)，而不是图块所在的位置。这里 q = k = 全 1，一个宽 {0} 的头，底数 10000，得分除以偏移为 0 时的值。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/images.py" line="125"/>
        <source>2D sin-cos (MAE)</source>
        <translation>二维 sin‑cos（MAE）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/images.py" line="126"/>
        <source>learned {0}×{0} → {1}×{1}</source>
        <translation>可学习 {0}×{0} → {1}×{1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/images.py" line="128"/>
        <source>2D RoPE</source>
        <translation>二维 RoPE</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/images.py" line="130"/>
        <source>frame {0}</source>
        <translation>第 {0} 帧</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/images.py" line="88"/>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/images.py" line="88"/>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/images.py" line="88"/>
        <source>cosine similarity</source>
        <translation>余弦相似度</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/images.py" line="132"/>
        <source>row + column</source>
        <translation>行 + 列</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/images.py" line="132"/>
        <source>row part: dy</source>
        <translation>行部分：dy</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/images.py" line="132"/>
        <source>column part: dx</source>
        <translation>列部分：dx</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/images.py" line="219"/>
        <source>{0}: patch (row {1}, column {2}), offset (dy {3}, dx {4}): cosine {5}</source>
        <translation>{0}：图块（第 {1} 行，第 {2} 列），偏移（dy {3}，dx {4}）：余弦 {5}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="309"/>
        <source>Images and video</source>
        <translation>图像与视频</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="310"/>
        <source>Images: one patch against all</source>
        <translation>图像：一个图块与所有图块</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="311"/>
        <source>Video: patches across frames</source>
        <translation>视频：跨帧的图块</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="312"/>
        <source>2D RoPE: row offset and column offset</source>
        <translation>二维 RoPE：行偏移与列偏移</translation>
    </message>
</context>
<context>
    <name>LayersLesson</name>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/layers.py" line="44"/>
        <source>Three ways to turn n tokens of width d into n new ones. A &lt;b&gt;recurrent&lt;/b&gt; layer must go token by token (n sequential steps) and a signal from the first token needs n steps to reach the last. A &lt;b&gt;convolution&lt;/b&gt; (kernel k) works in parallel but needs n/k layers to connect the ends. &lt;b&gt;Self-attention&lt;/b&gt; connects every pair in one step, at a cost of n² d: more than the RNN once n &amp;gt; d, more than the CNN once n &amp;gt; k d.</source>
        <translation>把 n 个宽度为 d 的词元变换成 n 个新词元，有三种方式。&lt;b&gt;循环&lt;/b&gt;层必须逐个词元处理（n 个串行步骤），第一个词元的信号要经过 n 步才能到达最后一个。&lt;b&gt;卷积&lt;/b&gt;（卷积核大小 k）可以并行，但需要 n/k 层才能连通首尾。&lt;b&gt;自注意力&lt;/b&gt;一步就连接所有词元对，代价是 n² d：当 n &amp;gt; d 时超过 RNN，当 n &amp;gt; k d 时超过 CNN。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/layers.py" line="73"/>
        <source>Convolution (kernel k)</source>
        <translation>卷积（卷积核 k）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/layers.py" line="73"/>
        <source>Recurrent</source>
        <translation>循环</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/layers.py" line="74"/>
        <source>Self-attention</source>
        <translation>自注意力</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/layers.py" line="81"/>
        <source>Layer</source>
        <translation>层类型</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/layers.py" line="81"/>
        <source>Complexity per layer</source>
        <translation>每层计算复杂度</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/layers.py" line="81"/>
        <source>Sequential operations</source>
        <translation>顺序操作数</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/layers.py" line="82"/>
        <source>Maximum path length</source>
        <translation>最大路径长度</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/layers.py" line="143"/>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/layers.py" line="184"/>
        <source>n = d = {0}</source>
        <translation>n = d = {0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/layers.py" line="184"/>
        <source>n = k d = {0}</source>
        <translation>n = k d = {0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/layers.py" line="204"/>
        <source>n = {0}: {1}</source>
        <translation>n = {0}：{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="313"/>
        <source>CNN, RNN or self-attention</source>
        <translation>CNN、RNN 还是自注意力</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/layers.py" line="142"/>
        <source>Ops per layer</source>
        <translation>每层运算量</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/layers.py" line="142"/>
        <source>ops</source>
        <translation>运算量</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/layers.py" line="143"/>
        <source>Longest path</source>
        <translation>最大路径长度</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/layers.py" line="151"/>
        <source>length n</source>
        <translation>序列长度 n</translation>
    </message>
</context>
<context>
    <name>LearnedTableLesson</name>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="68"/>
        <location filename=".registry_strings.py" line="332"/>
        <source>Learned table vs sinusoid</source>
        <translation>可学习位置表与正弦编码对比</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="75"/>
        <source>A learned encoding is a table with one trained row per position: here the real one of all-MiniLM-L6-v2, 512 positions × 384. Beside it the sinusoid of the same size. Both make nearby positions similar (the band along the diagonal), but the table only knows the rows it was trained on: raise the positions shown past 512 to see it end while the sinusoid goes on.</source>
        <translation>可学习位置编码是一张表，每个位置一行训练得到的向量：这里用的是 all-MiniLM-L6-v2 真实的位置表，512 个位置 × 384 维。旁边是同样大小的正弦位置编码。两者都让相近的位置彼此相似（沿对角线的条带），但位置表只认识训练过的那些行：把显示的位置数调到 512 以上，就会看到表到头了，而正弦编码仍在继续。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="287"/>
        <source>MiniLM table (colours clipped at ±{0})</source>
        <translation>MiniLM 位置表（颜色截断在 ±{0}）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="173"/>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="174"/>
        <source>dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="173"/>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="174"/>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="288"/>
        <source>sinusoid, d = 384</source>
        <translation>正弦位置编码，d = 384</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="289"/>
        <source>MiniLM: cosine between positions</source>
        <translation>MiniLM：位置之间的余弦相似度</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="175"/>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="176"/>
        <source>position q</source>
        <translation>位置 q</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="175"/>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="176"/>
        <source>position p</source>
        <translation>位置 p</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="290"/>
        <source>sinusoid: cosine between positions</source>
        <translation>正弦编码：位置之间的余弦相似度</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="326"/>
        <source>No row past 511. The learned method says: {0}</source>
        <translation>第 511 行之后没有数据。可学习方法给出的提示：{0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="330"/>
        <source>Row 0 of the table is an outlier: norm &lt;b&gt;{0}&lt;/b&gt;, while the other rows lie between {1} and {2} (5th to 95th percentile, median {3}). Neighbouring rows have mean cosine &lt;b&gt;{4}&lt;/b&gt;.</source>
        <translation>表的第 0 行是个离群值：范数为 &lt;b&gt;{0}&lt;/b&gt;，而其他行在 {1} 到 {2} 之间（第 5 到第 95 百分位，中位数 {3}）。相邻行的平均余弦相似度为 &lt;b&gt;{4}&lt;/b&gt;。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="343"/>
        <source>cosine of positions {0} and {1}: {2}</source>
        <translation>位置 {0} 与 {1} 的余弦相似度：{2}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="344"/>
        <source>position {0}, dimension {1}: {2}</source>
        <translation>位置 {0}，维度 {1}：{2}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="292"/>
        <source>MiniLM: cosine</source>
        <translation>MiniLM：余弦</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="293"/>
        <source>sinusoid: cosine</source>
        <translation>正弦编码：余弦</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="296"/>
        <source>MiniLM table</source>
        <translation>MiniLM 位置表</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/learned_table.py" line="296"/>
        <source>sinusoid</source>
        <translation>正弦编码</translation>
    </message>
</context>
<context>
    <name>LessonView</name>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/lesson_view.py" line="87"/>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/lesson_view.py" line="88"/>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/lesson_view.py" line="152"/>
        <source>{0}:</source>
        <translation>{0}：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/lesson_view.py" line="166"/>
        <source>Step {0} of {1}: {2}</source>
        <translation>第 {0} 步，共 {1} 步：{2}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/lesson_view.py" line="258"/>
        <source>less ▴</source>
        <translation>收起 ▴</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/lesson_view.py" line="262"/>
        <source>more ▾</source>
        <translation>展开 ▾</translation>
    </message>
</context>
<context>
    <name>MRopeLesson</name>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="76"/>
        <location filename=".registry_strings.py" line="315"/>
        <source>Text: three equal ids, plain RoPE</source>
        <translation>文本：三个相同的编号，就是普通的 RoPE</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="77"/>
        <location filename=".registry_strings.py" line="316"/>
        <source>An image: its rows and columns</source>
        <translation>一张图像：它的行和列</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="78"/>
        <location filename=".registry_strings.py" line="317"/>
        <source>A video: frames as well</source>
        <translation>一段视频：还有帧</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="79"/>
        <location filename=".registry_strings.py" line="318"/>
        <source>Qwen3-VL: the ids take turns over the pairs</source>
        <translation>Qwen3-VL：三个编号轮流分配给各对</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="83"/>
        <source>Qwen2-VL gives every token three position ids: &lt;b&gt;time&lt;/b&gt;, &lt;b&gt;row&lt;/b&gt; and &lt;b&gt;column&lt;/b&gt;. Text carries one number three times; the patches of an image carry their row and column, a video&apos;s also their frame. Each rotated pair of a head turns by one of the three ids, so how far apart two tokens are now has three parts.</source>
        <translation>Qwen2-VL 给每个词元三个位置编号：&lt;b&gt;时间&lt;/b&gt;、&lt;b&gt;行&lt;/b&gt;和&lt;b&gt;列&lt;/b&gt;。文本把同一个数写三次；图像的图块带着自己的行和列，视频的图块还带着所在的帧。一个头的每个旋转对按这三个编号之一转动，所以两个词元相隔多远现在分成三部分。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="204"/>
        <source>ids, top to bottom: time, row, column</source>
        <translation>编号，从上到下：时间、行、列</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="205"/>
        <source>pair i (fast to slow)</source>
        <translation>维度对 i（由快到慢）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="206"/>
        <source>Qwen3-VL, interleaved</source>
        <translation>Qwen3-VL，交错</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="206"/>
        <source>Qwen2-VL, blocks</source>
        <translation>Qwen2-VL，分块</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="208"/>
        <source>distance in one id</source>
        <translation>一个编号上的距离</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="209"/>
        <source>q·k</source>
        <translation>q⋅k</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="223"/>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="259"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="223"/>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="259"/>
        <source>image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="223"/>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="259"/>
        <source>video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="237"/>
        <source>Qwen3-VL lets the ids take turns (t h w t h w …): each id turns fast and slow pairs, so a step in time, row or column lowers q·k alike.</source>
        <translation>Qwen3-VL 让三个编号轮流（t h w t h w …）：每个编号都转动快的和慢的对，所以时间、行或列上走一步，q⋅k 降得差不多。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="239"/>
        <source>Qwen2-VL gives time the {0} fastest pairs, rows the next {1} and columns the {2} slowest: a step in time lowers q·k most, a step between columns least.</source>
        <translation>Qwen2-VL 把最快的 {0} 对给时间，接下来的 {1} 对给行，最慢的 {2} 对给列：时间上走一步 q⋅k 降得最多，列之间走一步降得最少。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="261"/>
        <source>token {0} ({1}): time {2}, row {3}, column {4}</source>
        <translation>词元 {0}（{1}）：时间 {2}，行 {3}，列 {4}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="229"/>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="267"/>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="211"/>
        <source>q·k, q = k (dashed: text)</source>
        <translation>q⋅k，q = k（虚线：文本）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="229"/>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="267"/>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="229"/>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="267"/>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="230"/>
        <source>pairs:</source>
        <translation>旋转对：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="268"/>
        <source>pair {0} turns by the {1} id</source>
        <translation>维度对 {0} 按{1}编号转动</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/mrope_ids.py" line="273"/>
        <source>distance {0}: text {1:.3f}, time {2:.3f}, row {3:.3f}, column {4:.3f}</source>
        <translation>距离 {0}：文本 {1:.3f}，时间 {2:.3f}，行 {3:.3f}，列 {4:.3f}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="314"/>
        <source>How M-RoPE numbers text, image and video tokens</source>
        <translation>M-RoPE 怎样给文本、图像和视频词元编号</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../posenc_gui/app/window.py" line="114"/>
        <source>{0} cannot be shown in {1}: showing {2}</source>
        <translation>{0} 无法在“{1}”中显示：改为显示“{2}”</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/window.py" line="120"/>
        <source>Scene notes</source>
        <translation>场景备注</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/window.py" line="125"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>MatrixLesson</name>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/matrix_lesson.py" line="386"/>
        <source>{0}, row {1}, column {2}: {3}</source>
        <translation>{0}，第 {1} 行，第 {2} 列：{3}</translation>
    </message>
</context>
<context>
    <name>ModelConfigView</name>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="102"/>
        <source>Show this stack in Layer patterns</source>
        <translation>在“层模式”中显示这个层堆叠</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="157"/>
        <source>Layer patterns with {0}&apos;s stack, in the attention view</source>
        <translation>在注意力视图中以 {0} 的层堆叠显示“层模式”</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="159"/>
        <source>Layer patterns has no stack like this one (it has Llama 4, SmolLM3, Gemma 3, ModernBERT and gpt-oss)</source>
        <translation>“层模式”没有这样的层堆叠（它有 Llama 4、SmolLM3、Gemma 3、ModernBERT 和 gpt-oss）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="234"/>
        <source>pair i</source>
        <translation>维度对 i</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="237"/>
        <source>distance (tokens)</source>
        <translation>距离（词元）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="238"/>
        <source>q·k</source>
        <translation>q⋅k</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="171"/>
        <source>base</source>
        <translation>底数</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="172"/>
        <source>{0}: {1} layers</source>
        <translation>{0}：{1} 层</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="235"/>
        <source>tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="236"/>
        <source>wavelengths</source>
        <translation>波长</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="239"/>
        <source>q·k of equal heads</source>
        <translation>相同两个头的 q⋅k</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="274"/>
        <source>{0}: {1:.4g} tokens</source>
        <translation>{0}：{1:.4g} 个词元</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="276"/>
        <source>pair {0}: {1}</source>
        <translation>维度对 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="282"/>
        <source>{0}: {1:.3f} at {2:g}</source>
        <translation>{0}：在 {2:g} 处为 {1:.3f}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="284"/>
        <source>q·k of equal heads: {0}</source>
        <translation>相同两个头的 q⋅k：{0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="287"/>
        <source>layer {0}: {1}</source>
        <translation>第 {0} 层：{1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="290"/>
        <source>NoPE layers</source>
        <translation>NoPE 层</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="295"/>
        <source>chunked attention (chunks of {0})</source>
        <translation>分块注意力（每块 {0}）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="297"/>
        <source>sliding-window attention (window {0})</source>
        <translation>滑动窗口注意力（窗口 {0}）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="298"/>
        <source>full attention</source>
        <translation>全局注意力</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="302"/>
        <source>NoPE (q and k not rotated)</source>
        <translation>NoPE（q 和 k 不旋转）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="304"/>
        <source>RoPE base {0:g}</source>
        <translation>RoPE 基数 {0:g}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="307"/>
        <source>{0} scaling ×{1:g}</source>
        <translation>{0} 缩放 ×{1:g}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="308"/>
        <source>{0} scaling</source>
        <translation>{0} 缩放</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="310"/>
        <source>{0:g} of the head rotated</source>
        <translation>头维度中旋转的比例 {0:g}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="315"/>
        <source>{0}, {1}</source>
        <translation>{0}，{1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="333"/>
        <source>model type {0}, rotated head width {1}, up to {2} positions (max_position_embeddings)</source>
        <translation>模型类型 {0}，旋转的头宽度 {1}，最多 {2} 个位置（max_position_embeddings）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="335"/>
        <source>The scene now shows the {0} layers&apos; rotation (the other views draw it).</source>
        <translation>场景现在显示 {0} 层的旋转（由其他视图绘制）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="339"/>
        <source>Not in the scene:</source>
        <translation>场景未包含：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="350"/>
        <source>NoPE</source>
        <translation>NoPE</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="352"/>
        <source>chunks of {0}</source>
        <translation>{0} 一块</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="353"/>
        <source>window {0}</source>
        <translation>窗口 {0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="353"/>
        <source>full</source>
        <translation>全注意力</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="360"/>
        <source>- - trained length, window</source>
        <translation>- - 训练长度、窗口</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="360"/>
        <source>··· extended</source>
        <translation>··· 扩展</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="366"/>
        <source>{0}: no rotation, so q·k of equal heads is the same at every distance; order reaches these layers only through the causal mask and the layers before.</source>
        <translation>{0}：不旋转，所以相同两个头的 q⋅k 在任何距离都一样；顺序只通过因果掩码和前面的层进入这些层。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="368"/>
        <source>{0}: one turn takes {1:.3g} to {2:.3g} tokens; {3} of {4} pairs do not complete one turn within the {5} tokens trained on</source>
        <translation>{0}：转一圈需要 {1:.3g} 到 {2:.3g} 个词元；{4} 对中有 {3} 对在训练的 {5} 个词元内转不满一圈</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="372"/>
        <source> (the config extends it to {0})</source>
        <translation>（配置把它扩展到 {0}）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="373"/>
        <source>; q·k of equal heads falls to {0:.2f} at distance {1}.</source>
        <translation>；相同两个头的 q⋅k 在距离 {1} 处降到 {0:.2f}。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="383"/>
        <source>{0} layers: {1}</source>
        <translation>{0} 层：{1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="385"/>
        <source>{0} layers: {1} … {2}</source>
        <translation>{0} 层：{1} … {2}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="380"/>
        <source>layers {0}</source>
        <translation>层 {0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/model_config.py" line="390"/>
        <source>No model config open: File › Open model config… or File › Example models, or drop a config.json on the window.</source>
        <translation>未打开模型配置：请使用 文件 › 打开模型配置… 或 文件 › 示例模型，或把 config.json 拖到窗口上。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="306"/>
        <source>Model config layers</source>
        <translation>模型配置的层</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="175"/>
        <source>Which models use which positional encoding</source>
        <translation>各模型使用哪种位置编码</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="176"/>
        <source>Grouped by encoding, oldest first. The last column says where each fact is stated.</source>
        <translation>按编码方式分组，由早到晚排列。最后一列注明每条信息的出处。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="178"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="178"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="178"/>
        <source>Encoding</source>
        <translation>位置编码</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="178"/>
        <source>Details</source>
        <translation>细节</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="179"/>
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="324"/>
        <source>Which models use what</source>
        <translation>各模型用什么编码</translation>
    </message>
</context>
<context>
    <name>MultiHeadLesson</name>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/multihead.py" line="49"/>
        <source>Mask the padding (valid_lens) and attend, head by head</source>
        <translation>掩蔽填充位置（valid_lens），逐个头计算注意力</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/multihead.py" line="50"/>
        <source>Concatenate the heads and project with Wₒ</source>
        <translation>拼接各头，再用 Wₒ 投影</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/multihead.py" line="54"/>
        <source>Multi-head attention runs several small attentions side by side. The d_model channels are cut into &lt;b&gt;heads&lt;/b&gt; of d_model / heads channels; the reshape makes the heads an extra batch axis, so every head of every sequence is attended in one go. Sequences padded to the same length carry a &lt;b&gt;valid length&lt;/b&gt;: keys past it are masked. A batch of two sequences of four tokens.</source>
        <translation>多头注意力并行运行若干个小的注意力。d_model 个通道被切分成若干&lt;b&gt;头&lt;/b&gt;，每个头 d_model / 头数 个通道；reshape 把头变成一个额外的批量轴，于是所有序列的所有头一次算完。填充到相同长度的序列带有&lt;b&gt;有效长度&lt;/b&gt;：超出它的键被掩蔽。这里是一个批量，含两个序列，每个序列四个词元。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/multihead.py" line="154"/>
        <source>(batch, n, d) = ({0}, {1}, {2}) → reshape ({0}, {1}, {3}, {4}) → swap axes ({0}, {3}, {1}, {4}) → merge ({5}, {1}, {4}). Colours are heads, numbers are channel indices: slice b·{3} + h holds head h of sequence b (counting from 0, as the code does).</source>
        <translation>(batch, n, d) = ({0}, {1}, {2}) → reshape ({0}, {1}, {3}, {4}) → 交换轴 ({0}, {3}, {1}, {4}) → 合并 ({5}, {1}, {4})。颜色表示头，数字是通道下标：切片 b·{3} + h 存放序列 b 的第 h 个头（与代码一样从 0 开始计数）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/multihead.py" line="168"/>
        <source>sequence {0}: (n, d) = ({1}, {2})</source>
        <translation>序列 {0}：(n, d) = ({1}, {2})</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/multihead.py" line="188"/>
        <source>valid_lens = {0} is repeated once per head: {1}. Keys at or past a sequence&apos;s valid length are padding: they get weight 0 (grey) and every row still sums to 1.</source>
        <translation>valid_lens = {0} 按头的个数重复：{1}。位于序列有效长度及之后的键是填充：它们的权重为 0（灰色），每一行的和仍为 1。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/multihead.py" line="202"/>
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/multihead.py" line="204"/>
        <source>query</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/multihead.py" line="213"/>
        <source>transpose_output puts the heads side by side again: ({0}, {1}, {2}) → ({3}, {1}, {4}). Then Wₒ ({4} × {4}) mixes the heads: every output channel uses every head. Outlines mark the heads.</source>
        <translation>transpose_output 把各头重新并排拼接：({0}, {1}, {2}) → ({3}, {1}, {4})。然后 Wₒ（{4} × {4}）把各头混合起来：每个输出通道都用到所有头。边框标出了各个头。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/multihead.py" line="48"/>
        <source>Split into heads (transpose_qkv)</source>
        <translation>拆分成多个头（transpose_qkv）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/multihead.py" line="177"/>
        <source>slice {0}: h{1}</source>
        <translation>切片 {0}：头 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="337"/>
        <source>Multi-head attention</source>
        <translation>多头注意力</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/multihead.py" line="198"/>
        <source>seq {0}, h{1} (valid {2})</source>
        <translation>序列{0} 头{1}（有效{2}）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/multihead.py" line="227"/>
        <source>seq {0}: concat</source>
        <translation>序列 {0}：拼接</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/multihead.py" line="233"/>
        <source>seq {0}: output</source>
        <translation>序列 {0}：输出</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/multihead.py" line="236"/>
        <source>Wₒ (shared)</source>
        <translation>Wₒ（共用）</translation>
    </message>
</context>
<context>
    <name>NextScenePreview</name>
    <message>
        <location filename="../../posenc_gui/app/next_scene.py" line="109"/>
        <source>The next scene takes a long computation, made when it is shown: its picture appears here after that.</source>
        <translation>下一个场景需要较长的计算，放映时才会计算：之后它的画面会显示在这里。</translation>
    </message>
</context>
<context>
    <name>NotesTitle</name>
    <message>
        <location filename="../../posenc_gui/app/deck_controls.py" line="54"/>
        <source>Show the notes</source>
        <translation>展开备注</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/deck_controls.py" line="54"/>
        <source>Fold the notes to this bar</source>
        <translation>把备注收起到这一栏</translation>
    </message>
</context>
<context>
    <name>OrderLesson</name>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/order.py" line="44"/>
        <source>“The cat chases the mouse” and “the mouse chases the cat” (猫追老鼠, 老鼠追猫) use the same words. Self-attention without any position signal (NoPE, no mask) sees a &lt;b&gt;set&lt;/b&gt; of words: reordering the words only reorders the output rows, so both sentences mean the same to it. With a position encoding (the method chosen in the panel; try the causal switch too) the outputs really differ.</source>
        <translation>“猫追老鼠”和“老鼠追猫”（The cat chases the mouse / the mouse chases the cat）用的是同样的词。没有任何位置信号（NoPE，无掩码）的自注意力看到的只是词的&lt;b&gt;集合&lt;/b&gt;：打乱词序只会打乱输出的行序，所以在它看来两句话意思相同。加上位置编码（即参数面板中选择的方法；也可以试试因果开关）之后，输出才真正不同。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/order.py" line="54"/>
        <source>Not used here: the sentence sets the length</source>
        <translation>此视图不使用：长度由句子决定</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/order.py" line="67"/>
        <source>Sentences:</source>
        <translation>句子：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/order.py" line="89"/>
        <source>B takes A&apos;s words in the order {0}. Put back in A&apos;s order, B&apos;s output rows differ from A&apos;s by at most {1} (rounding): the same rows, only moved. Order is invisible.</source>
        <translation>B 按 {0} 的顺序取用 A 的词。按 A 的顺序放回后，B 的输出行与 A 的至多相差 {1}（舍入误差）：行还是那些行，只是换了位置。顺序不可见。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/order.py" line="92"/>
        <source>B takes A&apos;s words in the order {0}. Put back in A&apos;s order, B&apos;s output rows differ from A&apos;s by up to {1}: different outputs. Order is seen.</source>
        <translation>B 按 {0} 的顺序取用 A 的词。按 A 的顺序放回后，B 的输出行与 A 的最多相差 {1}：输出不同。顺序可见。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/order.py" line="119"/>
        <source>, causal</source>
        <translation>，因果</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/order.py" line="120"/>
        <source>NoPE, no mask</source>
        <translation>NoPE，无掩码</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/order.py" line="102"/>
        <source>{0}: outputs of {1} “{2}”</source>
        <translation>{0}：{1} “{2}” 的输出</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/order.py" line="135"/>
        <source>&lt;b&gt;{0}:&lt;/b&gt; {1}</source>
        <translation>&lt;b&gt;{0}：&lt;/b&gt;{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="338"/>
        <source>Why order matters</source>
        <translation>为什么顺序很重要</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/order.py" line="101"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
</context>
<context>
    <name>OutputsView</name>
    <message>
        <location filename="../../posenc_gui/app/views/outputs.py" line="51"/>
        <source>Output:</source>
        <translation>输出：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/outputs.py" line="48"/>
        <source>Which of the method&apos;s outputs to draw</source>
        <translation>画出此方法的哪一项输出</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/outputs.py" line="84"/>
        <source>head {0}</source>
        <translation>头 {0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/outputs.py" line="127"/>
        <source>index</source>
        <translation>下标</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/outputs.py" line="170"/>
        <source>{0}: {1} {2}, {3} {4}: {5}</source>
        <translation>{0}：{1} {2}，{3} {4}：{5}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="307"/>
        <source>Every output</source>
        <translation>全部输出</translation>
    </message>
</context>
<context>
    <name>ParameterDock</name>
    <message>
        <location filename="../../posenc_gui/app/panel_dock.py" line="31"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
</context>
<context>
    <name>ParameterPanel</name>
    <message>
        <location filename="../../posenc_gui/app/panel.py" line="161"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/panel.py" line="213"/>
        <source>The parameter the play button sweeps</source>
        <translation>播放按钮要扫描的参数</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/panel.py" line="214"/>
        <location filename="../../posenc_gui/app/panel.py" line="377"/>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/panel.py" line="216"/>
        <source>Sweep the chosen parameter smoothly back and forth</source>
        <translation>让所选参数平滑地来回变化</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/panel.py" line="218"/>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/panel.py" line="277"/>
        <source>less</source>
        <translation>收起</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/panel.py" line="277"/>
        <source>more</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/panel.py" line="337"/>
        <source>position (offset)</source>
        <translation>位置（偏移）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/panel.py" line="373"/>
        <source>■ Stop</source>
        <translation>■ 停止</translation>
    </message>
</context>
<context>
    <name>PrecisionLesson</name>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/precision.py" line="30"/>
        <location filename=".registry_strings.py" line="333"/>
        <source>Precision lens</source>
        <translation>数值精度放大镜</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/precision.py" line="33"/>
        <location filename=".registry_strings.py" line="334"/>
        <source>float32 angles</source>
        <translation>float32 角度</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/precision.py" line="34"/>
        <location filename=".registry_strings.py" line="335"/>
        <source>float16 and bfloat16</source>
        <translation>float16 与 bfloat16</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/precision.py" line="35"/>
        <location filename=".registry_strings.py" line="336"/>
        <source>the fix: reduce modulo 2π in float64 first</source>
        <translation>解决办法：先在 float64 中对 2π 取模</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/precision.py" line="39"/>
        <source>A float keeps a fixed number of significant bits, so the angle &lt;i&gt;p&lt;/i&gt;·ω is off by about &lt;i&gt;p&lt;/i&gt;·ω·2&lt;sup&gt;−t&lt;/sup&gt;: the error of sin grows with the position. Once it nears 1 the encoding is noise. float16 cannot even hold a position past 65504. Reducing the angle modulo 2π in float64 before rounding keeps it below 2π, and the error stays at the format&apos;s resolution.</source>
        <translation>浮点数只保留固定位数的有效数字，因此角度 &lt;i&gt;p&lt;/i&gt;·ω 的误差约为 &lt;i&gt;p&lt;/i&gt;·ω·2&lt;sup&gt;−t&lt;/sup&gt;：sin 的误差随位置增大。误差接近 1 时，编码就成了噪声。float16 甚至无法表示超过 65504 的位置。在舍入之前先用 float64 对角度取模 2π，使其保持在 2π 以内，误差就停留在该格式的分辨率上。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/precision.py" line="94"/>
        <source>{0}, reduced mod 2π first</source>
        <translation>{0}，先对 2π 取模</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/precision.py" line="88"/>
        <source>max |sin error| over all pairs, against float64</source>
        <translation>所有维度对中 |sin 误差| 的最大值（以 float64 为基准）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/precision.py" line="89"/>
        <source>position p</source>
        <translation>位置 p</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/precision.py" line="90"/>
        <source>max |sin error|</source>
        <translation>最大误差</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/precision.py" line="127"/>
        <location filename="../../posenc_gui/app/views/lessons/precision.py" line="144"/>
        <source>p = {0}: {1}</source>
        <translation>p = {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/precision.py" line="129"/>
        <source>float32 angle error, computed here: {0}.</source>
        <translation>float32 角度误差，此处实测：{0}。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/precision.py" line="131"/>
        <source>No pair of channels rotates here (the head is narrower than two channels): there is no angle whose precision could be lost, and nothing to draw.</source>
        <translation>这里没有任何一对通道在旋转（头的宽度不足两个通道）：没有会损失精度的角度，也就没有可画的曲线。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/precision.py" line="134"/>
        <source>With the reduction first: at most {0} for float32.</source>
        <translation>先取模后：float32 的误差至多为 {0}。</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <location filename="../../posenc_gui/app/presenting.py" line="60"/>
        <source>computing…</source>
        <translation>正在计算…</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <location filename="../../posenc_gui/app/presenter.py" line="59"/>
        <location filename="../../posenc_gui/app/presenter.py" line="122"/>
        <source>Presenter — PosEnc Explorer</source>
        <translation>演讲者视图 — PosEnc Explorer</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/presenter.py" line="151"/>
        <source>Scene {0} of {1}</source>
        <translation>场景 {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/presenter.py" line="152"/>
        <source>Now: {0}</source>
        <translation>当前：{0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/presenter.py" line="156"/>
        <source>Next: (end of the deck)</source>
        <translation>下一个：（课件结束）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/presenter.py" line="158"/>
        <source>Next: {0}</source>
        <translation>下一个：{0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/presenter.py" line="163"/>
        <source>Drawing the next scene…</source>
        <translation>正在绘制下一个场景…</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/presenter.py" line="164"/>
        <source>(no notes for this scene)</source>
        <translation>（此场景没有备注）</translation>
    </message>
</context>
<context>
    <name>RealModelView</name>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="18"/>
        <source>no positions</source>
        <translation>无位置信息</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="19"/>
        <source>positions shuffled</source>
        <translation>位置打乱</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="20"/>
        <source>positions reversed</source>
        <translation>位置倒序</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="21"/>
        <source>positions shifted by 100</source>
        <translation>位置平移 100</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="26"/>
        <source>RoPE off</source>
        <translation>关闭 RoPE</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="27"/>
        <source>positions shifted by 1000</source>
        <translation>位置平移 1000</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="28"/>
        <source>linear scaling x4</source>
        <translation>线性缩放 ×4</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="29"/>
        <source>NTK scaling x4</source>
        <translation>NTK 缩放 ×4</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="30"/>
        <source>NoPE in layers 0-14</source>
        <translation>第 0–14 层不用位置编码（NoPE）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="31"/>
        <source>RoPE as trained</source>
        <translation>RoPE（与训练时相同）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="44"/>
        <source>previous token</source>
        <translation>前一个词元</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="45"/>
        <source>first token (sink)</source>
        <translation>第一个词元（汇聚点）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="46"/>
        <source>the token itself (diagonal)</source>
        <translation>词元自身（对角线）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="47"/>
        <source>broad (spread over all)</source>
        <translation>广泛（分散到全部）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="51"/>
        <source>overview and head</source>
        <translation>总览和当前头</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="52"/>
        <source>this head, trained</source>
        <translation>此头，训练所得</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="53"/>
        <source>this head, ablated</source>
        <translation>此头，消融后</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="54"/>
        <source>this head, difference</source>
        <translation>此头，差值</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_controls.py" line="55"/>
        <source>Rank every head by how much its queries attend this way, as trained</source>
        <translation>按训练所得模型中各头的查询以这种方式关注的程度为所有头排序</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_controls.py" line="57"/>
        <source>One head alone is what File &gt; Export figure and Export data write</source>
        <translation>只显示一个头时，“文件 &gt; 导出图像”和“导出数据”写出的就是这个头</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_controls.py" line="59"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_controls.py" line="59"/>
        <source>Text:</source>
        <translation>文本：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_controls.py" line="61"/>
        <source>Find heads like:</source>
        <translation>查找类似的头：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_controls.py" line="62"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model.py" line="92"/>
        <source>Score as trained → under the ablation; click a head to open it</source>
        <translation>训练所得得分 → 消融后得分；点击一个头即可放大查看</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_texts.py" line="34"/>
        <source>{0}: {1} layers × {2} heads. Mean change of attention under &quot;{3}&quot;: {4:.3f} over all heads.</source>
        <translation>{0}：{1} 层 × {2} 个头。在“{3}”下注意力的平均变化（所有头）：{4:.3f}。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_controls.py" line="44"/>
        <source>Any text; the model&apos;s own tokenizer splits it</source>
        <translation>任意文本；由模型自己的分词器切分</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_controls.py" line="60"/>
        <source>Ablation:</source>
        <translation>消融：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_controls.py" line="48"/>
        <source>How the positions of the model on the right are changed</source>
        <translation>右侧模型的位置信息如何被改变</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="22"/>
        <source>sinusoidal positions</source>
        <translation>正弦位置编码</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_settings.py" line="23"/>
        <source>as trained (learned)</source>
        <translation>训练所得（学习的位置）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_controls.py" line="60"/>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_controls.py" line="61"/>
        <source>Head:</source>
        <translation>头：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_texts.py" line="25"/>
        <source>trained: layer {0}, head {1}</source>
        <translation>训练所得：第 {0} 层，头 {1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_texts.py" line="26"/>
        <source>{0}: layer {1}, head {2}</source>
        <translation>{0}：第 {1} 层，头 {2}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_texts.py" line="24"/>
        <source>difference (ablated − trained), change {0:.2f}</source>
        <translation>差值（消融 − 训练所得），变化 {0:.2f}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/head_overview.py" line="36"/>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/head_overview.py" line="36"/>
        <source>head</source>
        <translation>头</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/head_overview.py" line="53"/>
        <source>every head as trained; dashed: found; click one to open it</source>
        <translation>训练所得的每个头；虚线框：查找结果；点击打开</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model.py" line="338"/>
        <source>query</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model.py" line="339"/>
        <location filename="../../posenc_gui/app/views/real_model.py" line="350"/>
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_texts.py" line="37"/>
        <source>Each head in the picture of every head is scaled to its largest weight.</source>
        <translation>所有头的总览中，每个头按其最大权重缩放。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_texts.py" line="39"/>
        <source>The text is {0} tokens long: only the first {1} are shown.</source>
        <translation>文本长 {0} 个词元：只显示前 {1} 个。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_texts.py" line="42"/>
        <source>MiniLM knows only 244 Chinese characters: most Chinese text becomes [UNK]. SmolLM2 reads it byte by byte.</source>
        <translation>MiniLM 只认识 244 个汉字：大部分中文会变成 [UNK]。SmolLM2 按字节读取中文。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_texts.py" line="60"/>
        <source>next token, trained</source>
        <translation>下一个词元（训练所得）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model.py" line="391"/>
        <source>layer {0}, head {1}: query {2} ({3}) → key {4} ({5}): {6}; change {7:.3f}</source>
        <translation>第 {0} 层，头 {1}：查询 {2}（{3}）→ 键 {4}（{5}）：{6}；变化 {7:.3f}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model.py" line="402"/>
        <source>{0}: query {1} ({2}) → key {3} ({4}): {5}</source>
        <translation>{0}：查询 {1}（{2}）→ 键 {3}（{4}）：{5}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="305"/>
        <source>Real model attention</source>
        <translation>真实模型的注意力</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/real_model_texts.py" line="23"/>
        <source>difference, change {0:.2f}</source>
        <translation>差值，变化 {0:.2f}</translation>
    </message>
</context>
<context>
    <name>RealPositionLesson</name>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/real_position.py" line="40"/>
        <source>&lt;b&gt;MiniLM&lt;/b&gt; learns a vector per place, &lt;b&gt;SmolLM2&lt;/b&gt; rotates queries and keys (RoPE). Change their positions and compare the head that most attends to the previous token.</source>
        <translation>&lt;b&gt;MiniLM&lt;/b&gt; 为每个位置学习一个向量，&lt;b&gt;SmolLM2&lt;/b&gt; 旋转查询和键（RoPE）。改变它们的位置，比较最关注前一个词元的那个头。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/real_position.py" line="177"/>
        <source>query</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/real_position.py" line="177"/>
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/real_position.py" line="177"/>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/real_position.py" line="177"/>
        <source>head</source>
        <translation>头</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/real_position.py" line="209"/>
        <source>as trained</source>
        <translation>训练所得</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/real_position.py" line="210"/>
        <source>changed</source>
        <translation>改变后</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/real_position.py" line="211"/>
        <source>change in attention</source>
        <translation>注意力的变化</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/real_position.py" line="232"/>
        <source>Mean change over all {0} heads: {1:.3g}. Layer {2}, head {3} gives the previous token {4:.2f} of its attention as trained and {5:.2f} now; heads that give it more than half: {6} as trained, {7} now.</source>
        <translation>全部 {0} 个头的平均变化：{1:.3g}。第 {2} 层头 {3} 训练所得时把 {4:.2f} 的注意力给前一个词元，现在是 {5:.2f}；把一半以上注意力给前一个词元的头：训练所得 {6} 个，现在 {7} 个。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/real_position.py" line="324"/>
        <source>layer {0}, head {1}: change {2}</source>
        <translation>第 {0} 层，头 {1}：变化 {2}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/real_position.py" line="326"/>
        <source>query {0} ({1}) → key {2} ({3}): {4}</source>
        <translation>查询 {0}（{1}）→ 键 {2}（{3}）：{4}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="319"/>
        <source>What position does inside a real model</source>
        <translation>位置在真实模型中起什么作用</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="320"/>
        <source>MiniLM: every position shifted by 100</source>
        <translation>MiniLM：每个位置都平移 100</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="321"/>
        <source>SmolLM2: every position shifted by 1000</source>
        <translation>SmolLM2：每个位置都平移 1000</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="322"/>
        <source>MiniLM: positions shuffled</source>
        <translation>MiniLM：位置被打乱</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="323"/>
        <source>SmolLM2 with RoPE off</source>
        <translation>SmolLM2 关闭 RoPE</translation>
    </message>
</context>
<context>
    <name>RecentDecks</name>
    <message>
        <location filename="../../posenc_gui/app/recent.py" line="58"/>
        <source>Removed {0} decks not found from the recent decks</source>
        <translation>已从最近课件中移除 {0} 个找不到的课件</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/recent.py" line="70"/>
        <source>{0} is no longer there: removed from the recent decks</source>
        <translation>{0} 已不存在：已从最近课件中移除</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/recent.py" line="87"/>
        <source>(not found)</source>
        <translation>（找不到）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/recent.py" line="106"/>
        <source>Remove the decks not found</source>
        <translation>移除找不到的课件</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/recent.py" line="110"/>
        <source>(no recent decks)</source>
        <translation>（没有最近课件）</translation>
    </message>
</context>
<context>
    <name>RelativePropertyLesson</name>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="41"/>
        <source>A shift by k is one fixed rotation M(k)</source>
        <translation>平移 k 就是一个固定的旋转 M(k)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="42"/>
        <source>PE(p) · PE(q) depends only on p − q</source>
        <translation>PE(p) · PE(q) 只取决于 p − q</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="43"/>
        <source>RoPE: the score depends only on m − n</source>
        <translation>RoPE：得分只取决于 m − n</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="47"/>
        <source>Why the sinusoid carries &lt;b&gt;relative&lt;/b&gt; position: moving from position p to p + k turns each (sin, cos) pair by the angle k·ω, whatever p is. So one matrix M(k) moves every position k steps, and the dot product of two encodings depends only on their distance. RoPE builds attention on the same rotation.</source>
        <translation>为什么正弦位置编码携带了&lt;b&gt;相对&lt;/b&gt;位置：从位置 p 移到 p + k，每一对 (sin, cos) 都转过角度 k·ω，与 p 无关。因此同一个矩阵 M(k) 能把任何位置移动 k 步，两个编码的点积只取决于它们的距离。RoPE 正是在同样的旋转上构建注意力。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="106"/>
        <source>M({0}), all {1} × {1}</source>
        <translation>M({0})，完整的 {1} × {1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="112"/>
        <source>sin {0}</source>
        <translation>sin {0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="112"/>
        <source>cos {0}</source>
        <translation>cos {0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="114"/>
        <source>its first {0} blocks</source>
        <translation>它的前 {0} 个块</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="120"/>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="122"/>
        <source>PE({0})</source>
        <translation>PE({0})</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="121"/>
        <source>M({0}) PE({1})</source>
        <translation>M({0}) PE({1})</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="157"/>
        <source>PE · PEᵀ, positions 0 to {0}, d = {1}</source>
        <translation>PE · PEᵀ，位置 0 到 {0}，d = {1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="174"/>
        <source>PE(p) · PE(p + {0}) for every p: flat</source>
        <translation>对每个 p 的 PE(p) · PE(p + {0})：一条水平线</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="193"/>
        <source>every m − n at n = 0</source>
        <translation>n = 0 时的每个 m − n</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="201"/>
        <source>m − n = {0} at every n</source>
        <translation>每个 n 处 m − n = {0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="168"/>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="187"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="103"/>
        <source>Block i of M({0}) turns pair i by {0}·ωᵢ. The first {1} of {2} channels are shown with their numbers. Over all {2} channels max |PE({3}) − M({0}) PE({4})| = {5}: equal up to rounding.</source>
        <translation>M({0}) 的第 i 个块把第 i 对旋转 {0}·ωᵢ。图中标出了 {2} 个通道中前 {1} 个的数值。在全部 {2} 个通道上，max |PE({3}) − M({0}) PE({4})| = {5}：在舍入误差范围内相等。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="154"/>
        <source>PE(p) · PE(q) = Σ cos((p − q) ωᵢ): along every diagonal the value is the same. Largest spread along any diagonal: {0}. The outlined diagonal is q = p + {1}.</source>
        <translation>PE(p) · PE(q) = Σ cos((p − q) ωᵢ)：沿每条对角线取值都相同。各对角线上的最大波动：{0}。加框的对角线是 q = p + {1}。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="180"/>
        <source>With RoPE, q is turned by its position m and k by n; the score (Rₘ q) · (Rₙ k) sees only m − n. For m − n = {0} at every n the spread is {1}; against the offset it changes.</source>
        <translation>使用 RoPE 时，q 按它的位置 m 旋转，k 按 n 旋转；得分 (Rₘ q) · (Rₙ k) 只看得到 m − n。对所有 n 取 m − n = {0}，得分的波动为 {1}；而随着偏移变化，得分会改变。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="188"/>
        <source>score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/relative_property.py" line="194"/>
        <source>m − n</source>
        <translation>m − n</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="339"/>
        <source>The relative property</source>
        <translation>相对位置性质</translation>
    </message>
</context>
<context>
    <name>SceneDrawer</name>
    <message>
        <location filename="../../posenc_gui/app/scene_drawer.py" line="61"/>
        <location filename="../../posenc_gui/app/scene_drawer.py" line="100"/>
        <source>computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/scene_drawer.py" line="147"/>
        <source>Cancelled: the last scene drawn is shown again</source>
        <translation>已取消：重新显示上一次绘制的场景</translation>
    </message>
</context>
<context>
    <name>SlopesView</name>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="216"/>
        <location filename="../../posenc_gui/app/views/relative.py" line="224"/>
        <source>head</source>
        <translation>头</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="217"/>
        <source>slope m</source>
        <translation>斜率 m</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="218"/>
        <source>ALiBi slope per head (bias = -m × distance)</source>
        <translation>每个头的 ALiBi 斜率（偏置 = -m × 距离）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/relative.py" line="224"/>
        <source>slope</source>
        <translation>斜率</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="327"/>
        <source>Slopes per head</source>
        <translation>各头的斜率</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../posenc_gui/app/start_page.py" line="78"/>
        <source>Start page</source>
        <translation>起始页</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/start_page.py" line="80"/>
        <source>Welcome to PosEnc Explorer</source>
        <translation>欢迎使用 PosEnc Explorer</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/start_page.py" line="82"/>
        <source>Positional encodings and attention, live. Where would you like to start?</source>
        <translation>位置编码与注意力，实时可见。想从哪里开始？</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/start_page.py" line="86"/>
        <source>Open the lecture deck</source>
        <translation>打开课程课件</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/start_page.py" line="87"/>
        <source>Prepared scenes with notes: PageDown steps, F11 presents.</source>
        <translation>备好的场景和讲稿备注：PageDown 翻页，F11 开始演示。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/start_page.py" line="90"/>
        <source>Take the guided tour</source>
        <translation>参加导览</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/start_page.py" line="91"/>
        <source>Six short steps: parameters, views, deck keys, export.</source>
        <translation>六个简短步骤：参数、视图、课件按键、导出。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/start_page.py" line="94"/>
        <source>Open an example model config</source>
        <translation>打开示例模型配置</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/start_page.py" line="95"/>
        <source>A real model&apos;s layers and its RoPE settings.</source>
        <translation>真实模型的层结构及其 RoPE 设置。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/start_page.py" line="103"/>
        <source>Just explore</source>
        <translation>随便看看</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/start_page.py" line="104"/>
        <source>Close this page and try the parameters.</source>
        <translation>关闭本页，动手调参数。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/start_page.py" line="110"/>
        <source>Recent decks</source>
        <translation>最近课件</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/start_page.py" line="127"/>
        <source>Show this page at every start</source>
        <translation>每次启动时显示本页</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/start_page.py" line="188"/>
        <source>{0} (not found)</source>
        <translation>{0}（找不到）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/start_page.py" line="195"/>
        <source>None yet: a deck you open is listed here.</source>
        <translation>暂无：打开过的课件会列在这里。</translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="200"/>
        <source>How positional encoding developed</source>
        <translation>位置编码的发展历程</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="201"/>
        <source>From fixed sinusoids added to the input, to biases and rotations inside attention, to stretching a trained model to longer contexts.</source>
        <translation>从加在输入上的固定正弦编码，到注意力内部的偏置与旋转，再到把训练好的模型拉伸到更长的上下文。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="204"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="204"/>
        <source>What appeared</source>
        <translation>出现了什么</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="204"/>
        <source>In short</source>
        <translation>简介</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="205"/>
        <source>Family</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/reference.py" line="205"/>
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="325"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
</context>
<context>
    <name>Tour</name>
    <message>
        <location filename="../../posenc_gui/app/tour.py" line="78"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/tour.py" line="79"/>
        <source>Choose a method here and move its parameters: every view redraws at once. Hover over a control to read what it does; the Play button sweeps one parameter back and forth.</source>
        <translation>在这里选择方法并调节参数，所有视图会立即重绘。鼠标悬停在控件上可查看其作用；“播放”按钮会来回扫描一个参数。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/tour.py" line="83"/>
        <source>The panel is hidden now: it shows with the Explore views (View selector) and from View › Parameters.</source>
        <translation>参数面板现在是隐藏的：选择“探索”中的视图（视图选择框）时它会出现，也可以用 视图 › 参数 打开。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/tour.py" line="85"/>
        <source>What to look at</source>
        <translation>看什么</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/tour.py" line="86"/>
        <source>The View selector picks a view: Explore shows the method chosen, Learn holds guided lessons, Reference compares models. Ctrl+Tab steps to the next view.</source>
        <translation>视图选择框用来挑选视图：“探索”展示所选方法，“学习”是分步讲解的课程，“参考”对比各个模型。Ctrl+Tab 切换到下一个视图。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/tour.py" line="89"/>
        <source>The view</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/tour.py" line="90"/>
        <source>Hover over a plot to read exact values in the status bar; in a heatmap, click a column to draw its curve.</source>
        <translation>鼠标悬停在图上，可在状态栏读到精确数值；在热力图中单击某一列即可画出它的曲线。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/tour.py" line="93"/>
        <source>Lecture decks and presenting</source>
        <translation>课件与演示</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/tour.py" line="94"/>
        <source>A deck is a series of prepared scenes (File › Open deck). PageDown, Right or Space go to the next scene, PageUp or Left back: a presentation clicker sends those keys. F11 or F5 presents full screen, B blanks the screen, Esc stops presenting.</source>
        <translation>课件是一组备好的场景（文件 › 打开课件）。PageDown、右方向键或空格进入下一场景，PageUp 或左方向键返回上一场景；演示翻页器发送的正是这些按键。F11 或 F5 全屏演示，B 键黑屏，Esc 结束演示。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/tour.py" line="99"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/tour.py" line="100"/>
        <source>The File menu exports the figure as PNG, SVG or PDF (Ctrl+S), the numbers behind it as CSV or NumPy (Ctrl+E), and a deck as a PDF handout.</source>
        <translation>“文件”菜单可将图导出为 PNG、SVG 或 PDF（Ctrl+S），将其背后的数据导出为 CSV 或 NumPy（Ctrl+E），并将课件导出为 PDF 讲义。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/tour.py" line="103"/>
        <source>Start page and help</source>
        <translation>起始页与帮助</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/tour.py" line="104"/>
        <source>Help › Start page brings back the page this tour started from; the user guide (F1) and the keyboard shortcuts (Ctrl+/) are in the Help menu too.</source>
        <translation>帮助 › 起始页可重新打开本导览开始时的那一页；用户指南（F1）和键盘快捷键（Ctrl+/）也在“帮助”菜单中。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/tour.py" line="159"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/tour.py" line="160"/>
        <source>Skip tour</source>
        <translation>跳过导览</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/tour.py" line="161"/>
        <source>Step {0} of {1}</source>
        <translation>第 {0} 步，共 {1} 步</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/tour.py" line="169"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/tour.py" line="169"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>View</name>
    <message>
        <location filename="../../posenc_gui/app/views/grid.py" line="357"/>
        <source>Each head its own colours</source>
        <translation>每个头单独配色</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/grid.py" line="358"/>
        <source>Colour each head over its own range (its title gives the range), so that a head of small values is not drawn blank; off: one scale for all, to compare heads</source>
        <translation>按每个头自己的取值范围着色（范围写在标题中），数值小的头就不会显示成一片空白；关闭时所有头共用一个色标，便于相互比较</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/base.py" line="361"/>
        <source>, </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>WalkthroughLesson</name>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="31"/>
        <source>Inputs: three tokens of four features</source>
        <translation>输入：三个词元，每个四个特征</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="32"/>
        <source>Weights: W_key, W_query and W_value (4 × 3)</source>
        <translation>权重：W_key、W_query 和 W_value（4 × 3）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="33"/>
        <source>Keys, queries and values: x times each weight matrix</source>
        <translation>键、查询和值：x 分别乘以各权重矩阵</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="34"/>
        <source>Scores: every query against every key</source>
        <translation>得分：每个查询与每个键比较</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="35"/>
        <source>Softmax: each row of scores becomes weights</source>
        <translation>Softmax：每行得分变为权重</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="36"/>
        <source>Weighted values for one input</source>
        <translation>某个输入的加权值</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="37"/>
        <source>Sum: the output of that input</source>
        <translation>求和：该输入的输出</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="38"/>
        <source>All outputs: exact and as the article rounded them</source>
        <translation>全部输出：精确值与原文的舍入值</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="42"/>
        <source>The worked example of the article: three inputs of four numbers each. Each input is projected to a &lt;b&gt;key&lt;/b&gt;, a &lt;b&gt;query&lt;/b&gt; and a &lt;b&gt;value&lt;/b&gt;; each query is compared with every key (a dot product), the scores become weights by softmax, and the output is the weighted sum of the values. &lt;b&gt;Click a cell&lt;/b&gt; of a result to outline the numbers it is made from.</source>
        <translation>原文中的计算示例：三个输入，每个由四个数组成。每个输入被投影成一个&lt;b&gt;键&lt;/b&gt;、一个&lt;b&gt;查询&lt;/b&gt;和一个&lt;b&gt;值&lt;/b&gt;；每个查询与每个键做比较（点积），得分经 softmax 变为权重，输出就是各值的加权和。&lt;b&gt;单击结果中的某个单元格&lt;/b&gt;，即可框出构成它的那些数。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="50"/>
        <source>Divide scores by √d (d = 3)</source>
        <translation>得分除以 √d（d = 3）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="51"/>
        <source>The article uses unscaled dot products; Transformers divide by √d</source>
        <translation>原文使用未缩放的点积；Transformer 会除以 √d</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="58"/>
        <source>Follow input:</source>
        <translation>跟踪输入：</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="56"/>
        <source>The input whose weighted values and sum steps 6 and 7 show</source>
        <translation>第 6、7 步展示哪个输入的加权值与求和</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="69"/>
        <source>inputs x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="69"/>
        <source>W_key</source>
        <translation>W_key</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="69"/>
        <source>W_query</source>
        <translation>W_query</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="70"/>
        <source>W_value</source>
        <translation>W_value</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="70"/>
        <source>keys = x · W_key</source>
        <translation>键 = x · W_key</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="71"/>
        <source>queries = x · W_query</source>
        <translation>查询 = x · W_query</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="71"/>
        <source>values = x · W_value</source>
        <translation>值 = x · W_value</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="72"/>
        <source>scores = queries · keysᵀ</source>
        <translation>得分 = 查询 · 键ᵀ</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="72"/>
        <source>scores / √3</source>
        <translation>得分 / √3</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="73"/>
        <source>softmax, exact</source>
        <translation>softmax，精确值</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="73"/>
        <source>softmax as the article rounded it (no scale)</source>
        <translation>softmax，原文的舍入值（未缩放）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="76"/>
        <source>outputs from the article&apos;s rounded weights</source>
        <translation>由原文舍入后的权重算出的输出</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="74"/>
        <source>input {0}: weight × value</source>
        <translation>输入 {0}：权重 × 值</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="75"/>
        <source>output {0} = sum of the rows</source>
        <translation>输出 {0} = 各行之和</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="76"/>
        <source>outputs, exact</source>
        <translation>输出，精确值</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="83"/>
        <source>Each row is one input token with four features: the article&apos;s own numbers.</source>
        <translation>每一行是一个输入词元，含四个特征：数值取自原文。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="85"/>
        <source>Each weight matrix maps four features to three. A trained model learns them; the article picks small integers.</source>
        <translation>每个权重矩阵把四个特征映射为三个。训练好的模型会学出这些权重；原文取的是小整数。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="88"/>
        <source>Click a cell of keys, queries or values: the row of x and the column of the weight matrix that multiply into it are outlined.</source>
        <translation>单击键、查询或值中的某个单元格：相乘得到它的 x 的那一行和权重矩阵的那一列会被框出。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="91"/>
        <source>scores[i, j] = query i · key j. Click a score: its query row and key row are outlined.</source>
        <translation>scores[i, j] = 查询 i · 键 j。单击某个得分：框出它对应的查询行和键行。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="93"/>
        <source>Scaled: every score is divided by √3 = {0}.</source>
        <translation>已缩放：每个得分都除以 √3 = {0}。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="97"/>
        <source>Divided by √3 the scores lie closer together, so the weights are flatter: input 1 now gets {0} instead of {1}.</source>
        <translation>除以 √3 之后，得分彼此更接近，权重也就更平均：输入 1 现在得到 {0}，而不是 {1}。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="100"/>
        <source>The article rounded the weights by hand: e² : e⁴ : e⁴ = {0} : {1} : {2} is not 0 : 0.5 : 0.5, since e² is small but not zero; the exact softmax is {3}.</source>
        <translation>原文手工舍入了权重：e² : e⁴ : e⁴ = {0} : {1} : {2}，并不是 0 : 0.5 : 0.5，因为 e² 虽小却不为零；精确的 softmax 是 {3}。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="104"/>
        <source>Row j is value j times input {0}&apos;s weight for key j. Click a cell: the weight and the value row it comes from are outlined.</source>
        <translation>第 j 行是值 j 乘以输入 {0} 对键 j 的权重。单击某个单元格：框出它来自的权重和值行。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="107"/>
        <source>Adding the weighted rows gives output {0} = {1}. Click a number: the column it sums is outlined.</source>
        <translation>把加权后的各行相加，得到输出 {0} = {1}。单击某个数：框出求和得到它的那一列。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="110"/>
        <source>With the 1/√3 scale output 1 is {0}; without it {1}, and from the article&apos;s rounded (unscaled) weights {2}.</source>
        <translation>乘以 1/√3 缩放时，输出 1 为 {0}；不缩放时为 {1}；用原文舍入后（未缩放）的权重算出的则是 {2}。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/views/lessons/walkthrough.py" line="114"/>
        <source>From the article&apos;s rounded weights output 1 is {0}; exactly it is {1}. The rounding of the weights carries into every output.</source>
        <translation>用原文舍入后的权重，输出 1 为 {0}；精确值为 {1}。权重的舍入误差会带入每一个输出。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="340"/>
        <source>Self-attention step by step</source>
        <translation>自注意力逐步演示</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="118"/>
        <source>Explore</source>
        <translation>探索</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="118"/>
        <source>Learn</source>
        <translation>学习</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="118"/>
        <source>Reference</source>
        <translation>参考</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="123"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="124"/>
        <source>&amp;Open deck…</source>
        <translation>打开课件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="125"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="128"/>
        <source>Open &amp;scene…</source>
        <translation>打开场景(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="129"/>
        <source>Save scene &amp;as…</source>
        <translation>场景另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="130"/>
        <source>Save &amp;deck as…</source>
        <translation>课件另存为(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="132"/>
        <source>Open &amp;model config…</source>
        <translation>打开模型配置(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="133"/>
        <source>E&amp;xample models</source>
        <translation>示例模型(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="138"/>
        <source>&amp;Export figure (PNG, SVG, PDF)…</source>
        <translation>导出图像(&amp;E)（PNG、SVG、PDF）…</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="141"/>
        <source>&amp;Copy figure</source>
        <translation>复制图像(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="142"/>
        <source>Export &amp;handout (PDF)…</source>
        <translation>导出讲义(&amp;H)（PDF）…</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="144"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="148"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="150"/>
        <source>&amp;Dark theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="154"/>
        <source>Colour &amp;map</source>
        <translation>颜色映射(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="156"/>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="159"/>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="161"/>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="164"/>
        <source>&amp;Reset text size</source>
        <translation>恢复文字大小(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="166"/>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="175"/>
        <source>Scene &amp;notes</source>
        <translation>场景备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="140"/>
        <source>Export da&amp;ta (CSV, NPY, NPZ)…</source>
        <translation>导出数据（CSV、NPY、NPZ）(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="150"/>
        <source>Lig&amp;ht theme (high contrast)</source>
        <translation>浅色主题（高对比度）(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="178"/>
        <source>Param&amp;eters</source>
        <translation>参数(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="184"/>
        <source>Sequential (values from 0 up)</source>
        <translation>顺序型（从 0 起的数值）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="185"/>
        <source>Diverging (centred on 0)</source>
        <translation>发散型（以 0 为中心）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="197"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="198"/>
        <source>&amp;Next view</source>
        <translation>下一个视图(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="200"/>
        <source>&amp;Previous view</source>
        <translation>上一个视图(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="215"/>
        <source>&amp;Deck</source>
        <translation>课件(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="218"/>
        <source>&amp;Next scene</source>
        <translation>下一个场景(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="220"/>
        <source>&amp;Previous scene</source>
        <translation>上一个场景(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="222"/>
        <source>&amp;First scene</source>
        <translation>第一个场景(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="223"/>
        <source>&amp;Last scene</source>
        <translation>最后一个场景(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="224"/>
        <source>&amp;Blank the screen</source>
        <translation>黑屏(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="226"/>
        <source>&amp;Update scene (keep the live changes)</source>
        <translation>更新场景（保留现场改动）(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="227"/>
        <source>&amp;Reset scene (as saved)</source>
        <translation>重置场景（恢复保存的状态）(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="228"/>
        <source>&amp;Add this scene to the deck</source>
        <translation>把当前场景加入课件(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="233"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="234"/>
        <source>&amp;User guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="235"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="237"/>
        <source>&amp;Start page</source>
        <translation>起始页(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="238"/>
        <source>Guided &amp;tour</source>
        <translation>导览(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="239"/>
        <source>&amp;About PosEnc Explorer</source>
        <translation>关于 PosEnc Explorer(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="246"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/menus.py" line="249"/>
        <source>View:</source>
        <translation>视图：</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename=".registry_strings.py" line="2"/>
        <source>Absolute</source>
        <translation>绝对位置编码</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="3"/>
        <source>Relative</source>
        <translation>相对位置编码</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="4"/>
        <source>Rotary</source>
        <translation>旋转位置编码</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="5"/>
        <source>Attention bias</source>
        <translation>注意力偏置</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="6"/>
        <source>Images and video</source>
        <translation>图像与视频</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="7"/>
        <source>encoding</source>
        <translation>位置编码</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="8"/>
        <source>bias</source>
        <translation>注意力偏置</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="9"/>
        <source>slopes</source>
        <translation>斜率</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="10"/>
        <source>buckets</source>
        <translation>分桶</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="11"/>
        <source>distances</source>
        <translation>相对距离</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="12"/>
        <source>tables</source>
        <translation>相对位置表</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="13"/>
        <source>terms</source>
        <translation>得分分项</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="14"/>
        <source>frequencies</source>
        <translation>频率</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="15"/>
        <source>wavelengths</source>
        <translation>波长</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="16"/>
        <source>angles</source>
        <translation>旋转角</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="17"/>
        <source>decay</source>
        <translation>得分衰减</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="18"/>
        <source>scale</source>
        <translation>缩放系数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="19"/>
        <source>sinks</source>
        <translation>汇点</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="20"/>
        <source>positions</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="21"/>
        <source>vectors added to (or describing) each position: (positions, channels)</source>
        <translation>加到（或描述）每个位置上的向量：(位置, 通道)</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="22"/>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="23"/>
        <source>dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="24"/>
        <source>additive attention-logit bias: (heads, queries, keys)</source>
        <translation>加到注意力 logits 上的偏置：(头, 查询, 键)</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="25"/>
        <source>query i</source>
        <translation>查询 i</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="26"/>
        <source>key j</source>
        <translation>键 j</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="27"/>
        <source>ALiBi slope per head: (heads,)</source>
        <translation>每个头的 ALiBi 斜率：(头,)</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="28"/>
        <source>T5 bucket of key j for query i: (queries, keys), int</source>
        <translation>查询 i 看键 j 时所落入的 T5 桶编号：(查询, 键)，整数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="29"/>
        <source>clipped relative distance j - i used as table index: (queries, keys), int</source>
        <translation>截断后的相对距离 j - i，用作查表下标：(查询, 键)，整数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="30"/>
        <source>learned relative tables: (2 [key, value], 2K+1, channels)</source>
        <translation>可学习的相对位置表：(2 [键, 值], 2K+1, 通道)</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="31"/>
        <source>clipped distance + K</source>
        <translation>截断距离 + K</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="32"/>
        <source>channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="33"/>
        <source>key table aᴷ</source>
        <translation>键表 aᴷ</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="34"/>
        <source>value table aⱽ</source>
        <translation>值表 aⱽ</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="35"/>
        <source>Transformer-XL score terms a, b, c, d: (4, queries, keys)</source>
        <translation>Transformer-XL 注意力得分的 a、b、c、d 四项：(4, 查询, 键)</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="36"/>
        <source>(a) content · content</source>
        <translation>(a) 内容 · 内容</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="37"/>
        <source>(b) content · position</source>
        <translation>(b) 内容 · 位置</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="38"/>
        <source>(c) global content bias u</source>
        <translation>(c) 全局内容偏置 u</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="39"/>
        <source>(d) global position bias v</source>
        <translation>(d) 全局位置偏置 v</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="40"/>
        <source>angular frequency per rotated pair: (pairs,)</source>
        <translation>每个旋转维度对的角频率：(维度对,)</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="41"/>
        <source>wavelength 2*pi/frequency per pair, in positions: (pairs,)</source>
        <translation>每个维度对的波长 2*pi/频率，单位为位置数：(维度对,)</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="42"/>
        <source>rotation angle of each pair at each position: (positions, pairs)</source>
        <translation>每个维度对在每个位置上的旋转角：(位置, 维度对)</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="43"/>
        <source>pair i</source>
        <translation>维度对 i</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="44"/>
        <source>mean rotated score q.k as a function of the offset m - n: (offsets,)</source>
        <translation>旋转后的平均得分 q.k 随相对偏移 m - n 的变化：(偏移,)</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="45"/>
        <source>xPos scale per position and pair: (positions, pairs)</source>
        <translation>xPos 在每个位置、每个维度对上的缩放系数：(位置, 维度对)</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="46"/>
        <source>learned sink logit per head, one more key in every softmax: (heads,)</source>
        <translation>每个头学习得到的汇点 logit，作为每次 softmax 中多出的一个键：(heads,)</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="47"/>
        <source>the position a scheme gives each token, a row per component (M-RoPE: t, h, w; 2D RoPE: row, column; StreamingLLM: place in the text, slot in the cache at the last step, -1 when dropped; CoPE: each head&apos;s count at the last query): (components, tokens)</source>
        <translation>一种方案给每个词元的位置，每个分量一行（M-RoPE：t、h、w；二维 RoPE：行、列；StreamingLLM：在文本中的位置，以及最后一步时在缓存中的槽位，被丢弃时为 -1；CoPE：最后一个查询处每个头的计数）：(分量, 词元)</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="48"/>
        <source>component</source>
        <translation>分量</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="49"/>
        <source>token</source>
        <translation>词元</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="50"/>
        <source>Sinusoidal</source>
        <translation>正弦位置编码</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="51"/>
        <source>Fixed sin and cos waves of geometrically spaced wavelengths, added to each token.</source>
        <translation>波长按等比数列分布的固定 sin 与 cos 波，加到每个词元上。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="52"/>
        <source>Sequence length</source>
        <translation>序列长度</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="53"/>
        <source>Number of positions (tokens) in the sequence</source>
        <translation>序列中的位置（词元）个数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="54"/>
        <source>d_model</source>
        <translation>d_model</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="55"/>
        <source>Width of each encoding vector (model dimension)</source>
        <translation>每个编码向量的宽度（模型维度）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="56"/>
        <source>Base</source>
        <translation>底数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="57"/>
        <source>Base of the geometric frequency progression</source>
        <translation>频率等比数列的底数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="58"/>
        <source>Layout</source>
        <translation>通道排布</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="59"/>
        <source>Channel order and frequency spacing: interleaved = paper and d2l; concat = [sin | cos] with the paper&apos;s frequencies; tensor2tensor and fairseq = [sin | cos] with n-1 spacing</source>
        <translation>通道顺序与频率间隔：交错 = 原论文与 d2l 的写法；拼接 = [sin | cos]，频率同原论文；tensor2tensor 与 fairseq = [sin | cos]，频率按 n-1 等分</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="60"/>
        <source>interleaved</source>
        <translation>交错</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="61"/>
        <source>concat</source>
        <translation>拼接</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="62"/>
        <source>tensor2tensor</source>
        <translation>tensor2tensor</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="63"/>
        <source>fairseq</source>
        <translation>fairseq</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="64"/>
        <source>Min timescale</source>
        <translation>最小时间尺度</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="65"/>
        <source>tensor2tensor layout only: as its get_timing_signal_1d code, the frequencies are multiplied by this (fastest = min_timescale, slowest = min_timescale^2/base), although its docstring speaks of timescales from min_timescale to base</source>
        <translation>仅用于 tensor2tensor 排布：与其 get_timing_signal_1d 代码一致，各频率乘以此值（最高频率 = min_timescale，最低频率 = min_timescale^2/底数），尽管其文档字符串说时间尺度从 min_timescale 到底数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="66"/>
        <source>Padding index</source>
        <translation>填充下标</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="67"/>
        <source>fairseq layout only: token p uses table row p + padding_idx + 1</source>
        <translation>仅用于 fairseq 排布：第 p 个词元取表中第 p + padding_idx + 1 行</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="68"/>
        <source>Learned absolute</source>
        <translation>可学习绝对位置编码</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="69"/>
        <source>One trained vector per position, looked up like a word embedding; none past the last row.</source>
        <translation>每个位置一个训练得到的向量，像词嵌入一样查表；超出最后一行的位置没有向量。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="70"/>
        <source>Table</source>
        <translation>位置表</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="71"/>
        <source>minilm = the trained 512 x 384 table of all-MiniLM-L6-v2 (Apache-2.0); random = an untrained BERT-style initialisation N(0, std)</source>
        <translation>MiniLM = all-MiniLM-L6-v2 训练好的 512 x 384 位置表（Apache-2.0）；随机 = 未经训练、按 BERT 方式初始化的 N(0, std)</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="72"/>
        <source>minilm</source>
        <translation>MiniLM</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="73"/>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="74"/>
        <source>Table length</source>
        <translation>表长度</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="75"/>
        <source>Rows of the table (positions it knows); random table only</source>
        <translation>表的行数（它认识的位置个数）；仅用于随机表</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="76"/>
        <source>Init std</source>
        <translation>初始化标准差</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="77"/>
        <source>Standard deviation of the random initialisation (BERT 0.02, GPT-2 0.01)</source>
        <translation>随机初始化的标准差（BERT 为 0.02，GPT-2 为 0.01）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="78"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="79"/>
        <source>Seed of the random generator (same seed, same numbers)</source>
        <translation>随机数生成器的种子（种子相同，数值就相同）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="80"/>
        <source>Binary counter (analogy)</source>
        <translation>二进制计数（类比）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="81"/>
        <source>Each position written in binary: low bits flip fast, high bits slowly, like sinusoid frequencies.</source>
        <translation>把每个位置写成二进制：低位翻转得快，高位翻转得慢，正如正弦编码的高低频率。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="82"/>
        <source>Bits</source>
        <translation>位数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="83"/>
        <source>Number of bits (columns); column 0 is the lowest bit</source>
        <translation>二进制位数（列数）；第 0 列是最低位</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="84"/>
        <source>NoPE (none)</source>
        <translation>NoPE（无位置编码）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="85"/>
        <source>Nothing added: attention alone is blind to order unless a causal mask breaks the symmetry.</source>
        <translation>什么也不加：单靠注意力分辨不出顺序，除非因果掩码打破了这种对称。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="86"/>
        <source>Relative (Shaw)</source>
        <translation>相对位置（Shaw）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="87"/>
        <source>Distances j - i, clipped to +-K, pick learned vectors added to keys and values.</source>
        <translation>相对距离 j - i 截断到 ±K 以内，据此取出可学习的向量，加到键和值上。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="88"/>
        <source>Heads</source>
        <translation>头数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="89"/>
        <source>Number of attention heads</source>
        <translation>注意力头的个数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="90"/>
        <source>Clip distance K</source>
        <translation>截断距离 K</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="91"/>
        <source>Clipping distance K: distances beyond +-K share the edge vector</source>
        <translation>截断距离 K：超出 ±K 的距离共用边界上的向量</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="92"/>
        <source>Head width</source>
        <translation>每头维度</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="93"/>
        <source>Width of each head&apos;s queries, keys and relative vectors</source>
        <translation>每个头的查询、键和相对位置向量的维度</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="94"/>
        <source>CoPE (contextual)</source>
        <translation>CoPE（上下文位置）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="95"/>
        <source>Gates sigmoid(q.k) are summed from each key up to the query: a position counts what the head chooses, fractional, its embedding interpolated (seeded).</source>
        <translation>门控 sigmoid(q⋅k) 从每个键一直累加到查询：位置数的是该头选中的内容，可以是小数，其嵌入在整数位置之间插值（随机种子生成）。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="96"/>
        <source>Positions</source>
        <translation>位置数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="97"/>
        <source>Largest position counted (positions are clamped at npos_max - 1), one embedding per whole position</source>
        <translation>计数的最大位置（位置截断在 npos_max - 1），每个整数位置一个嵌入</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="98"/>
        <source>Width of each head&apos;s queries, keys and position embeddings</source>
        <translation>每个头的查询、键和位置嵌入的宽度</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="99"/>
        <source>Transformer-XL relative</source>
        <translation>Transformer-XL 相对位置编码</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="100"/>
        <source>The score splits into content, content-position, and two global bias terms u and v.</source>
        <translation>注意力得分拆成内容项、内容-位置项，以及 u、v 两个全局偏置项。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="101"/>
        <source>Width of queries, keys and the relative sinusoid R (even)</source>
        <translation>查询、键和相对正弦编码 R 的维度（偶数）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="102"/>
        <source>T5 relative bias</source>
        <translation>T5 相对位置偏置</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="103"/>
        <source>Distances j - i fall into log-spaced buckets; each head learns one bias per bucket.</source>
        <translation>相对距离 j - i 落入按对数划分的桶中；每个头为每个桶学习一个偏置。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="104"/>
        <source>Causal</source>
        <translation>因果</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="105"/>
        <source>Decoder form: a query sees only itself and earlier keys</source>
        <translation>解码器形式：查询只能看到自己和之前的键</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="106"/>
        <source>Buckets</source>
        <translation>桶数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="107"/>
        <source>Number of buckets (halved per direction when bidirectional)</source>
        <translation>桶的个数（双向时两个方向各占一半）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="108"/>
        <source>Max distance</source>
        <translation>最大距离</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="109"/>
        <source>Distances from here on share the last bucket</source>
        <translation>从这个距离起，都归入最后一个桶</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="110"/>
        <source>ALiBi</source>
        <translation>ALiBi</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="111"/>
        <source>No position vectors: each head subtracts slope x distance from its attention logits.</source>
        <translation>没有位置向量：每个头从注意力 logits 中减去“斜率 × 距离”。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="112"/>
        <source>KERPLE (logarithmic)</source>
        <translation>KERPLE（对数核）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="113"/>
        <source>Each head subtracts r1 log(1 + r2 distance): a bias that flattens with distance (seeded r1, r2).</source>
        <translation>每个头减去 r1 log(1 + r2 × 距离)：随距离变得平缓的偏置（r1、r2 为带种子的随机值）。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="114"/>
        <source>KERPLE (power)</source>
        <translation>KERPLE（幂核）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="115"/>
        <source>Each head subtracts r1 distance^r2, r2 up to 2: ALiBi with a learned power (seeded r1, r2).</source>
        <translation>每个头减去 r1 × 距离^r2（r2 至多为 2）：带可学习幂次的 ALiBi（r1、r2 为带种子的随机值）。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="116"/>
        <source>RoPE (rotary)</source>
        <translation>RoPE（旋转位置编码）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="117"/>
        <source>Each channel pair of q and k turns by position x frequency, so q.k sees only the offset.</source>
        <translation>q 和 k 的每一对通道都旋转“位置 × 频率”的角度，因此 q.k 只取决于相对偏移。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="118"/>
        <source>Number of positions; dynamic NTK stretches once it passes the original length, and LongRoPE switches to its long factors</source>
        <oldsource>Number of positions; dynamic NTK stretches once it passes the original length</oldsource>
        <translation>位置个数；超过原始长度后，动态 NTK 开始拉伸，LongRoPE 改用长系数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="119"/>
        <source>Width of each vector; must be even (dimensions rotate in pairs)</source>
        <translation>每个向量的宽度；须为偶数（维度两两成对旋转）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="120"/>
        <source>Which channels pair up: interleaved = (x0, x1), (x2, x3)... as GPT-J and Meta&apos;s llama; half = (x_i, x_i+d/2) as GPT-NeoX and Hugging Face rotate_half</source>
        <translation>哪些通道配成一对：交错 = (x0, x1), (x2, x3)……，同 GPT-J 和 Meta 的 llama；前后两半 = (x[i], x[i+d/2])，同 GPT-NeoX 和 Hugging Face 的 rotate_half</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="121"/>
        <source>half</source>
        <translation>前后两半</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="122"/>
        <source>Rotary fraction</source>
        <translation>旋转比例</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="123"/>
        <source>Share of the channels that rotate (GPT-NeoX 20B: 0.25); the rest pass unchanged. An odd int(fraction x d) = w turns (w+1)/2 pairs spaced base^(-2i/w), as GPT-NeoX and transformers</source>
        <oldsource>Share of the channels that rotate (GPT-NeoX 20B: 0.25); the rest pass unchanged</oldsource>
        <translation>参与旋转的通道所占比例（GPT-NeoX 20B 为 0.25）；其余通道原样保留。若 int(比例 × d) = w 为奇数，则与 GPT-NeoX 和 transformers 一样旋转 (w+1)/2 对，间隔为 base^(-2i/w)</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="124"/>
        <source>Scaling</source>
        <translation>长度外推缩放</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="125"/>
        <source>Context extension: none = the trained frequencies; linear = position interpolation, every pair slowed by s; ntk = a larger base, s^(d/(d-2)) times; dynamic-ntk = the base grows with the length once it passes L0; yarn = per-band blend plus attention factor (DeepSeek&apos;s mscale, gpt-oss&apos;s truncate=False); llama3 = per-wavelength blend; longrope = searched per-pair factors, short ones up to L0 and long ones beyond, plus attention factor (Phi-3-vision&apos;s lists, resampled when the rotated width is not 96); proportional = Gemma 4&apos;s p-RoPE: all d/2 pairs keep the spacing of the whole head, only the first rotary_fraction of them turn, the rest get frequency 0 (not divided by s: transformers divides by a factor only when the config gives one, Gemma 4&apos;s does not)</source>
        <translation>上下文扩展：none = 训练时的频率；linear = 位置插值，每一对都放慢 s 倍；ntk = 更大的底数，乘以 s^(d/(d-2))；dynamic-ntk = 长度超过 L0 后底数随长度增大；yarn = 按频段混合，外加注意力系数（DeepSeek 的 mscale，gpt-oss 的 truncate=False）；llama3 = 按波长混合；longrope = 搜索得到的逐对系数，长度不超过 L0 用短系数、超过用长系数，外加注意力系数（Phi-3-vision 的系数表，旋转宽度不是 96 时重新采样）；proportional = Gemma 4 的 p-RoPE：全部 d/2 对保持整个头的频率间隔，只有前 rotary_fraction 的维度对旋转，其余频率为 0（不除以 s：只有配置给出系数时 transformers 才除以它，Gemma 4 的配置没有给出）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="154"/>
        <source>Sandwich</source>
        <translation>Sandwich</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="155"/>
        <source>The dot product of two sinusoidal position vectors, shifted to 0 at distance 0 and compressed per head, is added to the logits: no parameters.</source>
        <translation>两个正弦位置向量的点积，平移到距离 0 处为 0，并按头压缩，加到注意力 logits 上：没有参数。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="156"/>
        <source>Width d&apos;</source>
        <translation>宽度 d&apos;</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="157"/>
        <source>d&apos;: width of the sinusoidal vectors whose inner product is the bias (even; NeMo uses the head width)</source>
        <translation>d&apos;：其内积作为偏置的正弦向量的宽度（偶数；NeMo 用头宽度）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="158"/>
        <source>FIRE</source>
        <translation>FIRE</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="159"/>
        <source>A learned MLP of log distance divided by log query position adds one bias per head: any length maps into [0, 1] (seeded weights).</source>
        <translation>一个学习得到的 MLP，输入为对数距离除以查询位置的对数，每个头输出一个偏置：任何长度都映射到 [0, 1]（随机种子权重）。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="160"/>
        <source>MLP width</source>
        <translation>MLP 宽度</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="161"/>
        <source>Hidden units of the MLP (the paper: 32)</source>
        <translation>MLP 的隐藏单元数（论文：32）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="162"/>
        <source>Log scale c</source>
        <translation>对数尺度 c</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="163"/>
        <source>c in psi(x) = log(|c x| + 1): how strongly nearby distances are spread out (learned; starts at 0.1)</source>
        <translation>psi(x) = log(|c x| + 1) 中的 c：近距离被拉开的程度（可学习；初值 0.1）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="164"/>
        <source>Threshold L</source>
        <translation>阈值 L</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="165"/>
        <source>L: queries before position L are normalised as if at L (learned multiplier of 512)</source>
        <translation>L：位置 L 之前的查询按位于 L 处归一化（512 乘以可学习的倍数）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="170"/>
        <source>M-RoPE (multimodal)</source>
        <translation>M-RoPE（多模态）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="171"/>
        <source>Each token has a time, row and column id; blocks of pairs turn by each: text reduces to RoPE, image patches to 2D positions.</source>
        <translation>每个词元有时间、行、列三个编号；各组维度对分别按其中一个旋转：文本退化为 RoPE，图像块得到二维位置。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="172"/>
        <source>Number of tokens: text, then the image or video patches, then text</source>
        <translation>词元数：先是文本，然后是图像或视频块，再是文本</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="173"/>
        <source>Width of one head&apos;s queries and keys; must be even (Qwen2-VL: 128)</source>
        <translation>一个头的查询和键的宽度；必须为偶数（Qwen2-VL：128）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="174"/>
        <source>Base of the frequencies (Qwen2-VL: 1e6)</source>
        <translation>频率的底数（Qwen2-VL：1e6）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="175"/>
        <source>Text before</source>
        <translation>前置文本</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="176"/>
        <source>Text tokens before the vision block</source>
        <translation>视觉块之前的文本词元数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="177"/>
        <source>Patch rows</source>
        <translation>图像块行数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="178"/>
        <source>Rows of patches in the vision block (after the 2 x 2 merge)</source>
        <translation>视觉块中图像块的行数（2 × 2 合并之后）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="179"/>
        <source>Patch columns</source>
        <translation>图像块列数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="180"/>
        <source>Columns of patches in the vision block (after the 2 x 2 merge)</source>
        <translation>视觉块中图像块的列数（2 × 2 合并之后）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="182"/>
        <source>Frames of the vision block: 1 is an image, more a video</source>
        <translation>视觉块的帧数：1 为图像，更多为视频</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="183"/>
        <source>Frame step</source>
        <translation>帧步长</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="184"/>
        <source>Time id between frames: 1 in Qwen2-VL; Qwen2.5-VL uses tokens_per_second x seconds per frame</source>
        <translation>相邻帧的时间编号差：Qwen2-VL 为 1；Qwen2.5-VL 用 tokens_per_second × 每帧秒数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="185"/>
        <source>Time pairs</source>
        <translation>时间维度对</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="186"/>
        <source>Pairs that follow the time id (mrope_section[0]; Qwen2-VL 16, Qwen3-VL 24); a head with fewer pairs gives it what it has</source>
        <translation>按时间编号旋转的维度对数（mrope_section[0]；Qwen2-VL 16，Qwen3-VL 24）；头的维度对较少时给出现有的全部</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="187"/>
        <source>Row pairs</source>
        <translation>行维度对</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="188"/>
        <source>Pairs that follow the row id (mrope_section[1]; Qwen2-VL 24, Qwen3-VL 20); the width id takes the pairs left</source>
        <translation>按行编号旋转的维度对数（mrope_section[1]；Qwen2-VL 24，Qwen3-VL 20）；剩下的维度对归列编号</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="189"/>
        <source>Interleaved</source>
        <translation>交错</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="190"/>
        <source>Qwen3-VL: time, row and column pairs take turns (t h w t h w ...) instead of three blocks</source>
        <translation>Qwen3-VL：时间、行、列的维度对轮流排列（t h w t h w ...），而不是分成三块</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="191"/>
        <source>MLA decoupled RoPE</source>
        <translation>MLA 解耦 RoPE</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="192"/>
        <source>Only a slice of each head rotates (64 of 192 channels), its key part shared by all heads; the rest comes from the compressed latent and never sees position.</source>
        <translation>每个头只有一部分通道旋转（192 个中的 64 个），键的这一部分由所有头共享；其余来自压缩的潜变量，从不看到位置。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="193"/>
        <source>qk_head_dim: width of each head&apos;s queries and keys, rotary part included (DeepSeek-V2/V3: 128 + 64)</source>
        <translation>qk_head_dim：每个头的查询和键的宽度，含旋转部分（DeepSeek-V2/V3：128 + 64）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="194"/>
        <source>Rotary channels</source>
        <translation>旋转通道数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="195"/>
        <source>qk_rope_head_dim: channels that rotate, the last ones (DeepSeek: 64); even. A narrower head rotates all of its even width</source>
        <translation>qk_rope_head_dim：旋转的通道，位于最后（DeepSeek：64）；偶数。较窄的头旋转其全部偶数宽度</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="196"/>
        <source>Pairs of the rotary channels: interleaved (x0, x1)... as DeepSeek&apos;s rope_interleave; half (x_i, x_i+r/2) as rotate_half</source>
        <translation>旋转通道的配对：interleaved 为 (x0, x1)...，即 DeepSeek 的 rope_interleave；half 为 (x[i], x[i+r/2])，即 rotate_half</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="197"/>
        <source>StreamingLLM (attention sinks)</source>
        <translation>StreamingLLM（注意力汇聚点）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="198"/>
        <source>A cache of the first tokens (sinks) and a rolling window; RoPE positions count slots in the cache, so sinks always look near.</source>
        <translation>缓存开头的几个词元（汇聚点）和一个滚动窗口；RoPE 位置按缓存中的槽位计数，所以汇聚点看起来总是很近。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="199"/>
        <source>Sinks</source>
        <translation>汇聚点</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="200"/>
        <source>Sink tokens: the first tokens, always kept (start_size; the paper: 4)</source>
        <translation>汇聚词元：开头的几个词元，始终保留（start_size；论文：4）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="201"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="202"/>
        <source>Recent tokens kept, the current one included (recent_size)</source>
        <translation>保留的最近词元数，含当前词元（recent_size）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="203"/>
        <source>Learned attention sinks (gpt-oss)</source>
        <translation>学习得到的注意力汇点（gpt-oss）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="204"/>
        <source>A learned logit per head joins every softmax as one more key and is dropped after it: the weights over the tokens sum to less than 1 (sinks seeded here, not gpt-oss&apos;s trained values; RoPE without YaRN).</source>
        <translation>每个头有一个学习得到的 logit，作为多出的一个键加入每次 softmax，之后被丢弃：各词元上的权重之和小于 1（这里的汇点由随机种子生成，不是 gpt-oss 训练得到的值；RoPE 不含 YaRN）。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="205"/>
        <source>Sink mean</source>
        <translation>汇点均值</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="206"/>
        <source>Mean of the seeded sink logits (stand-ins for gpt-oss&apos;s learned ones): a sink well above the tokens&apos; logits takes most of each query&apos;s attention</source>
        <translation>由种子生成的汇点 logit 的均值（代替 gpt-oss 学习得到的值）：汇点远高于各词元的 logit 时，会占去每个查询的大部分注意力</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="207"/>
        <source>Sink spread</source>
        <translation>汇点离散度</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="208"/>
        <source>Spread (standard deviation) of the sink logits over the heads</source>
        <translation>各头汇点 logit 的离散程度（标准差）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="209"/>
        <source>DroPE (RoPE dropped after training)</source>
        <translation>DroPE（训练后去掉 RoPE）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="210"/>
        <source>Pretrained with RoPE, then RoPE is removed and the model briefly recalibrated: it runs as NoPE and extends past its trained length. Same toy weights, RoPE kept or dropped (recalibration not simulated).</source>
        <translation>先用 RoPE 预训练，再去掉 RoPE 并对模型做短暂的重新校准：模型以 NoPE 方式运行，可超出训练长度。这里是同一组玩具权重，保留或去掉 RoPE（不模拟重新校准）。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="211"/>
        <source>RoPE</source>
        <translation>RoPE</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="212"/>
        <source>kept = the pretrained model, RoPE turning q and k; dropped = after DroPE, no rotation (every frequency 0): order only through the causal mask</source>
        <translation>kept = 预训练的模型，RoPE 旋转 q 和 k；dropped = DroPE 之后，不旋转（所有频率为 0）：顺序只来自因果掩码</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="213"/>
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="214"/>
        <source>dropped</source>
        <translation>去掉</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="215"/>
        <source>Layer patterns (iRoPE, local / global)</source>
        <translation>层模式（iRoPE、局部 / 全局）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="216"/>
        <source>One layer of a real stack: RoPE or none, a local window or chunk or all, and that layer&apos;s base and scaling (gpt-oss: with its sinks, seeded stand-ins for the learned ones).</source>
        <oldsource>One layer of a real stack: RoPE or none, a local window or chunk or all, and that layer&apos;s base and scaling.</oldsource>
        <translation>真实模型中的一层：用不用 RoPE，看局部窗口、分块还是全部，以及这一层的底数和缩放（gpt-oss：带上它的汇点，用固定种子生成的替身代替学习得到的值）。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="217"/>
        <source>Width of one head&apos;s queries and keys (even)</source>
        <translation>一个头的查询和键的宽度（偶数）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="218"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="219"/>
        <source>The model whose stack is shown: llama4 (every 4th layer NoPE, RoPE layers chunked), smollm3 (every 4th NoPE), gemma3 (5 local : 1 global), modernbert (every 3rd global), gpt-oss (windows of 128 and full layers in turn, YaRN in both)</source>
        <oldsource>The model whose stack is shown: llama4 (every 4th layer NoPE, RoPE layers chunked), smollm3 (every 4th NoPE), gemma3 (5 local : 1 global), modernbert (every 3rd global)</oldsource>
        <translation>显示哪个模型的层堆叠：llama4（每第 4 层 NoPE，RoPE 层分块），smollm3（每第 4 层 NoPE），gemma3（5 个局部 : 1 个全局），modernbert（每第 3 层全局），gpt-oss（128 窗口层与全注意力层交替，两者都用 YaRN）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="220"/>
        <source>llama4</source>
        <translation>llama4</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="221"/>
        <source>smollm3</source>
        <translation>smollm3</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="222"/>
        <source>gemma3</source>
        <translation>gemma3</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="223"/>
        <source>modernbert</source>
        <translation>modernbert</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="224"/>
        <source>gpt-oss</source>
        <translation>gpt-oss</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="225"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="226"/>
        <source>Which layer (from 0); each model has its own number of layers</source>
        <translation>哪一层（从 0 开始）；每个模型的层数不同</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="227"/>
        <source>Sliding window or chunk in tokens; 0: the model&apos;s own (Llama 4 chunks of 8192, Gemma 3 1024, ModernBERT 64 either side). A short text needs a small one</source>
        <translation>滑动窗口或分块的词元数；0 表示用模型自己的（Llama 4 分块 8192，Gemma 3 为 1024，ModernBERT 每侧 64）。短文本需要小窗口</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="246"/>
        <source>Axial 2D RoPE (EVA-02, RoPE-ViT)</source>
        <translation>轴向二维 RoPE（EVA-02、RoPE-ViT）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="247"/>
        <source>Half of each head&apos;s pairs turn by the patch&apos;s row, half by its column: scores depend on (dy, dx). EVA-02 puts the row first and stretches positions to its pretraining grid; RoPE-ViT the column first.</source>
        <translation>每个头一半的维度对按图块所在的行旋转，另一半按列旋转：得分只取决于 (dy, dx)。EVA-02 把行放在前面，并把位置拉伸到预训练网格；RoPE-ViT 把列放在前面。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="248"/>
        <source>Width of one head; a multiple of 4 (two axes, pairs of channels)</source>
        <translation>单个头的宽度；须为 4 的倍数（两个轴，通道成对）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="249"/>
        <source>Convention</source>
        <translation>约定</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="250"/>
        <source>eva02 = EVA-02: first half of the pairs by the row, second by the column, positions stretched to the pretraining grid; rope-vit = RoPE-ViT&apos;s RoPE-Axial: first half by the column, second by the row, whole positions (its models use base 100)</source>
        <translation>eva02 = EVA-02：前一半维度对按行旋转，后一半按列，位置拉伸到预训练网格；rope-vit = RoPE-ViT 的 RoPE-Axial：前一半按列，后一半按行，位置取整数（其模型的底数为 100）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="251"/>
        <source>eva02</source>
        <translation>eva02</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="252"/>
        <source>rope-vit</source>
        <translation>rope-vit</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="253"/>
        <source>Pretrained grid</source>
        <translation>预训练网格</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="254"/>
        <source>EVA-02: patches per side of the grid pretrained on (16 for 224 px at patch 14); other grids are stretched to it</source>
        <translation>EVA-02：预训练网格每边的图块数（224 像素、图块 14 时为 16）；其他网格拉伸到这个大小</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="255"/>
        <source>none (as trained)</source>
        <translation>无（保持训练时的设置）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="256"/>
        <source>linear (position interpolation)</source>
        <translation>线性（位置插值）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="257"/>
        <source>NTK-aware</source>
        <translation>NTK-aware</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="258"/>
        <source>dynamic NTK</source>
        <translation>动态 NTK</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="259"/>
        <source>YaRN</source>
        <translation>YaRN</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="260"/>
        <source>Llama 3</source>
        <translation>Llama 3</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="261"/>
        <source>LongRoPE (Phi-3)</source>
        <translation>LongRoPE（Phi-3）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="263"/>
        <source>proportional (p-RoPE)</source>
        <translation>按比例（p-RoPE）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="265"/>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="266"/>
        <source>The input whose weighted values and sum the last steps follow</source>
        <translation>最后几步所跟随的输入（其加权值与求和）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="267"/>
        <source>Number of heads; must divide d_model</source>
        <translation>头的个数；须能整除 d_model</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="268"/>
        <source>Channels per token</source>
        <translation>每个词元的通道数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="269"/>
        <source>valid_lens[0]</source>
        <translation>valid_lens[0]</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="271"/>
        <source>valid_lens[1]</source>
        <translation>valid_lens[1]</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="270"/>
        <source>Tokens of sequence 0 that are real; the rest are padding</source>
        <translation>序列 0 中真实词元的个数；其余为填充</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="272"/>
        <source>Tokens of sequence 1 that are real; the rest are padding</source>
        <translation>序列 1 中真实词元的个数；其余为填充</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="273"/>
        <source>Position p</source>
        <translation>位置 p</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="274"/>
        <source>The position that is shifted</source>
        <translation>被平移的位置</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="275"/>
        <source>Offset k</source>
        <translation>偏移 k</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="276"/>
        <source>How far it is shifted</source>
        <translation>平移的距离</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="277"/>
        <source>Width d</source>
        <translation>宽度 d</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="278"/>
        <source>Channels of the encoding (even: sin, cos pairs)</source>
        <translation>编码的通道数（偶数：sin、cos 成对）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="279"/>
        <source>Grid (patches per side)</source>
        <translation>网格（每边图块数）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="280"/>
        <source>Patches per row and column (image size / patch size)</source>
        <translation>每行、每列的图块数（图像尺寸 / 图块大小）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="281"/>
        <source>Learned table trained at</source>
        <translation>可学习表的训练网格</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="282"/>
        <source>Grid size the synthetic learned table was made for, before resizing</source>
        <translation>合成的可学习表在缩放之前对应的网格大小</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="283"/>
        <source>Video frames shown</source>
        <translation>显示的视频帧数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="284"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="285"/>
        <source>Row of the chosen patch</source>
        <translation>所选图块的行</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="286"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="287"/>
        <source>Column of the chosen patch</source>
        <translation>所选图块的列</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="288"/>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="289"/>
        <source>Frame of the chosen patch</source>
        <translation>所选图块所在的帧</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="290"/>
        <source>Kernel size k</source>
        <translation>卷积核大小 k</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="291"/>
        <source>Width of the convolution kernel</source>
        <translation>卷积核的宽度</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="292"/>
        <source>Channels per token (d_model)</source>
        <translation>每个词元的通道数（d_model）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="293"/>
        <source>Hands and bits</source>
        <translation>指针与位数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="294"/>
        <source>How many pairs to draw, spread from the fastest to the slowest</source>
        <translation>要画出多少对，从最快到最慢均匀选取</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="295"/>
        <source>Positions shown</source>
        <translation>显示的位置数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="296"/>
        <source>Positions shown in the two encodings (the table has 512)</source>
        <translation>两种编码中显示的位置数（位置表共 512 行）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="297"/>
        <source>Rows of patches of the image and the video (after the 2 x 2 merge)</source>
        <translation>图像和视频的图块行数（2 x 2 合并之后）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="298"/>
        <source>Columns of patches of the image and the video</source>
        <translation>图像和视频的图块列数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="299"/>
        <source>Video frames</source>
        <translation>视频帧数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="300"/>
        <source>Frames of the video (each pair of frames one time step in Qwen2-VL)</source>
        <translation>视频的帧数（在 Qwen2-VL 中每两帧算一个时间步）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="301"/>
        <source>Length-dependent scalings at</source>
        <translation>依赖长度的缩放取长度</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="302"/>
        <source>Sequence length the scalings that depend on it (dynamic NTK, LongRoPE) are evaluated at; s·L0 when 0</source>
        <translation>依赖序列长度的缩放（动态 NTK、LongRoPE）计算时所用的长度；为 0 时取 s·L0</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="126"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="127"/>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="128"/>
        <source>ntk</source>
        <translation>NTK</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="129"/>
        <source>dynamic-ntk</source>
        <translation>动态 NTK</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="130"/>
        <source>yarn</source>
        <translation>YaRN</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="131"/>
        <source>llama3</source>
        <translation>Llama 3</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="132"/>
        <source>longrope</source>
        <translation>LongRoPE</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="133"/>
        <source>proportional</source>
        <translation>按比例（p-RoPE）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="134"/>
        <source>Factor</source>
        <translation>扩展倍数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="135"/>
        <source>Context extension factor s (new length / original length)</source>
        <translation>上下文扩展倍数 s（新长度 / 原始长度）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="136"/>
        <source>Original length</source>
        <translation>原始长度</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="137"/>
        <source>Context length the model was trained on (L0)</source>
        <translation>模型训练时的上下文长度（L0）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="138"/>
        <source>Beta fast</source>
        <translation>Beta fast</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="139"/>
        <source>YaRN: pairs turning more than this many times in L0 keep their frequency</source>
        <translation>YaRN：在 L0 内转过的圈数多于此值的维度对，保持原频率</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="140"/>
        <source>Beta slow</source>
        <translation>Beta slow</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="141"/>
        <source>YaRN: pairs turning fewer times than this in L0 are interpolated fully</source>
        <translation>YaRN：在 L0 内转过的圈数少于此值的维度对，完全插值</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="142"/>
        <source>Attention factor</source>
        <translation>注意力系数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="143"/>
        <source>YaRN and LongRoPE: the factor cos and sin are multiplied by; 0 = derived from s (YaRN 0.1 ln s + 1, LongRoPE sqrt(1 + ln s / ln L0))</source>
        <translation>YaRN 和 LongRoPE：cos 和 sin 所乘的系数；0 = 由 s 推出（YaRN 为 0.1 ln s + 1，LongRoPE 为 sqrt(1 + ln s / ln L0)）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="144"/>
        <source>mscale</source>
        <translation>mscale</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="145"/>
        <source>YaRN as DeepSeek-V2/V3: with mscale_all_dim, the attention factor is (0.1 mscale ln s + 1) / (0.1 mscale_all_dim ln s + 1); 0 = not given. DeepSeek also multiplies its softmax scale by (0.1 mscale_all_dim ln s + 1)^2, outside the rotary embedding (not shown here)</source>
        <translation>按 DeepSeek-V2/V3 的 YaRN：与 mscale_all_dim 一起给出时，注意力系数为 (0.1 mscale ln s + 1) / (0.1 mscale_all_dim ln s + 1)；0 = 未给出。DeepSeek 还会在旋转编码之外把 softmax 缩放乘以 (0.1 mscale_all_dim ln s + 1)^2（此处未显示）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="146"/>
        <source>mscale all dim</source>
        <translation>mscale all dim</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="147"/>
        <source>YaRN as DeepSeek-V2/V3: see mscale; 0 = not given</source>
        <translation>按 DeepSeek-V2/V3 的 YaRN：见 mscale；0 = 未给出</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="148"/>
        <source>Truncate</source>
        <translation>取整</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="149"/>
        <source>YaRN: round the ramp&apos;s ends out to whole pairs (transformers&apos; default); off as gpt-oss</source>
        <translation>YaRN：把斜坡的两端向外取整到整数对（transformers 的默认做法）；gpt-oss 关闭此项</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="150"/>
        <source>Low freq factor</source>
        <translation>低频系数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="151"/>
        <source>Llama 3: wavelengths over L0/this are interpolated</source>
        <translation>Llama 3：波长大于 L0/此值的做插值</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="152"/>
        <source>High freq factor</source>
        <translation>高频系数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="153"/>
        <source>Llama 3: wavelengths under L0/this are kept</source>
        <translation>Llama 3：波长小于 L0/此值的保持不变</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="166"/>
        <source>xPos</source>
        <translation>xPos</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="167"/>
        <source>RoPE whose pairs also shrink with distance: zeta^(n/B) on queries, zeta^(-n/B) on keys.</source>
        <translation>在 RoPE 的基础上，各维度对还随距离缩小：查询乘 zeta^(n/B)，键乘 zeta^(-n/B)。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="168"/>
        <source>Scale base</source>
        <translation>缩放底数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="169"/>
        <source>B: the scale grows by a factor zeta over B positions</source>
        <translation>B：每经过 B 个位置，缩放系数变为原来的 zeta 倍</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="228"/>
        <source>2D sin-cos (images)</source>
        <translation>二维 sin-cos（图像）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="229"/>
        <source>Half of each vector encodes the patch&apos;s column, half its row, each with 1D sin and cos.</source>
        <translation>每个向量一半编码图块所在的列，一半编码所在的行，各用一维的 sin 和 cos。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="230"/>
        <source>Grid rows</source>
        <translation>网格行数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="231"/>
        <source>Rows of patches (image height / patch size)</source>
        <translation>图块的行数（图像高度 / 图块大小）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="232"/>
        <source>Grid columns</source>
        <translation>网格列数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="233"/>
        <source>Columns of patches (image width / patch size)</source>
        <translation>图块的列数（图像宽度 / 图块大小）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="234"/>
        <source>Width of each vector; a multiple of 4 (each axis gets sin and cos halves)</source>
        <translation>每个向量的宽度；须为 4 的倍数（每个坐标轴各占一半，再分 sin 和 cos）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="235"/>
        <source>3D sin-cos (video)</source>
        <translation>三维 sin-cos（视频）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="236"/>
        <source>A third of each vector each for frame, row and column of a video tubelet.</source>
        <translation>每个向量三等分，分别编码视频时空块（tubelet）的帧、行和列。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="181"/>
        <source>Frames</source>
        <translation>帧数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="237"/>
        <source>Frames (time steps) of the video</source>
        <translation>视频的帧数（时间步数）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="238"/>
        <source>Width of each vector; a multiple of 6 (three axes, sin and cos each)</source>
        <translation>每个向量的宽度；须为 6 的倍数（三个坐标轴，各有 sin 和 cos）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="239"/>
        <source>Learned grid, resized</source>
        <translation>可学习网格（插值缩放）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="240"/>
        <source>A table learned at one image size, stretched to another by bicubic interpolation.</source>
        <translation>在一种图像尺寸上学到的位置表，用双三次插值拉伸到另一种尺寸。</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="241"/>
        <source>Trained rows</source>
        <translation>训练时行数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="242"/>
        <source>Rows of the grid the table was trained at</source>
        <translation>训练位置表时网格的行数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="243"/>
        <source>Trained columns</source>
        <translation>训练时列数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="244"/>
        <source>Columns of the grid the table was trained at</source>
        <translation>训练位置表时网格的列数</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="245"/>
        <source>Seed of the noise in the stand-in table</source>
        <translation>替代位置表中噪声的随机种子</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="262"/>
        <source>LongRoPE</source>
        <translation>LongRoPE</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="264"/>
        <source>p-RoPE</source>
        <translation>p-RoPE</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../posenc_gui/scene.py" line="190"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/scene.py" line="190"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/scene.py" line="191"/>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/scene.py" line="191"/>
        <source>true/false</source>
        <translation>布尔值（true/false）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/scene.py" line="192"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/scene.py" line="193"/>
        <source>null</source>
        <translation>空值 null</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/scene.py" line="279"/>
        <source>scene {0}: {1}</source>
        <translation>第 {0} 个场景：{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="348"/>
        <source>metric must be dot or cosine, not {0}</source>
        <translation>metric 必须是 dot 或 cosine，而不是 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="349"/>
        <source>dtype must be one of {0}, not {1}</source>
        <translation>dtype 必须是 {0} 之一，而不是 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="350"/>
        <source>width {0} does not split into {1} heads evenly</source>
        <translation>宽度 {0} 无法平均分给 {1} 个头</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="351"/>
        <source>{0} has no way into attention</source>
        <translation>{0} 无法接入注意力</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="352"/>
        <source>type at least one token</source>
        <translation>请至少输入一个词元</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="353"/>
        <source>attention over {0} tokens with {1} and {2} heads needs {3} at its peak, over the memory budget of {4}</source>
        <translation>用 {1} 和 {2} 个头对 {0} 个词元计算注意力，峰值需要 {3}，超出了 {4} 的内存预算</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="354"/>
        <source>{0} gives {1} positions; the text has {2} tokens</source>
        <translation>{0} 只给出 {1} 个位置，而文本有 {2} 个词元</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="355"/>
        <source>need at least one pair and one hand, not {0} pairs and {1} hands</source>
        <translation>至少需要一个维度对和一根指针，而不是 {0} 对、{1} 根指针</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="356"/>
        <source>position must be from 0 and bits from 1 to 62, not {0} and {1}</source>
        <translation>位置不能小于 0，位数必须在 1 到 62 之间，而不是 {0} 和 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="357"/>
        <source>hands must be from 1 to {0}, not {1}</source>
        <translation>指针数必须在 1 到 {0} 之间，而不是 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="358"/>
        <source>a position table needs at least 3 rows, not shape {0}</source>
        <translation>位置表至少需要 3 行，而不是形状 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="359"/>
        <source>the comparison shows at least the table&apos;s {0} rows, not {1}</source>
        <translation>对比至少要显示位置表的 {0} 行，而不是 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="375"/>
        <source>the walkthrough has steps 0 to {0}, not {1}</source>
        <translation>逐步演示只有第 0 到第 {0} 步，而不是 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="376"/>
        <source>{0} is not a result of the walkthrough</source>
        <translation>{0} 不是逐步演示的结果</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="362"/>
        <source>d_model {0} does not split into {1} heads evenly</source>
        <translation>d_model {0} 无法平均分给 {1} 个头</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="363"/>
        <source>d_model and heads must be at least 1</source>
        <translation>d_model 和头数都必须至少为 1</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="364"/>
        <source>each valid length must be from 1 to {0}</source>
        <translation>每个有效长度都必须在 1 到 {0} 之间</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="366"/>
        <source>the second sentence must use exactly the words of the first, reordered</source>
        <translation>第二句必须恰好由第一句的词重新排序而成</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="371"/>
        <source>p and k must be 0 or more</source>
        <translation>p 和 k 都不能小于 0</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="372"/>
        <source>the shift matrix needs an even width (sin, cos pairs), not {0}</source>
        <translation>平移矩阵需要偶数宽度（sin、cos 成对），而不是 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="373"/>
        <source>at least one position</source>
        <translation>至少需要一个位置</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="374"/>
        <source>RoPE needs an even width (channels rotate in pairs), not {0}</source>
        <translation>RoPE 需要偶数宽度（通道两两成对旋转），而不是 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="378"/>
        <source>table has {0} rows, not the {1} x {2} = {3} of its grid</source>
        <translation>位置表有 {0} 行，而不是其网格的 {1} x {2} = {3} 行</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="379"/>
        <source>d_model must be a multiple of {0} here, not {1}</source>
        <translation>此处 d_model 必须是 {0} 的倍数，而不是 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="382"/>
        <source>cannot read the MiniLM table {0}: {1}</source>
        <translation>无法读取 MiniLM 位置表 {0}：{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="383"/>
        <source>{0} holds shape {1}, not {2}</source>
        <translation>{0} 的形状是 {1}，而不是 {2}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="384"/>
        <source>a learned table has no embedding past its last position: seq_len {0} exceeds the {1} rows of the {2} table</source>
        <translation>可学习位置表在最后一个位置之后没有嵌入：seq_len {0} 超过了 {2} 位置表的 {1} 行</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="377"/>
        <source>d_model must be even for RoPE (channels rotate in pairs), not {0}</source>
        <translation>RoPE 的 d_model 必须是偶数（通道两两成对旋转），而不是 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="387"/>
        <source>rotary_fraction {0} of d_model {1} rotates no pair; raise either</source>
        <translation>d_model 为 {1} 时，rotary_fraction {0} 旋转不了任何一对通道；请增大其中之一</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="439"/>
        <source>beta_fast ({0}) must be larger than beta_slow ({1})</source>
        <translation>beta_fast（{0}）必须大于 beta_slow（{1}）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="440"/>
        <source>high_freq_factor ({0}) must be larger than low_freq_factor ({1})</source>
        <translation>high_freq_factor（{0}）必须大于 low_freq_factor（{1}）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="389"/>
        <source>num_buckets {0} is too small: at least {1} are needed</source>
        <translation>num_buckets {0} 太小：至少需要 {1} 个</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="390"/>
        <source>max_distance must exceed the {0} exact buckets, not {1}</source>
        <translation>max_distance 必须大于精确桶的个数 {0}，而不是 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="391"/>
        <source>head_dim must be even (R pairs sin and cos), not {0}</source>
        <translation>head_dim 必须是偶数（R 中 sin 与 cos 成对），而不是 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="392"/>
        <source>d_model must be even for xPos (channels rotate in pairs), not {0}</source>
        <translation>xPos 的 d_model 必须是偶数（通道两两成对旋转），而不是 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="420"/>
        <source>{0} must be one of {1}, not {2}</source>
        <translation>{0} 必须是 {1} 之一，而不是 {2}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="421"/>
        <source>{0} must be at least {1}, not {2}</source>
        <translation>{0} 必须不小于 {1}，而不是 {2}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="422"/>
        <source>{0} must be at most {1}, not {2}</source>
        <translation>{0} 必须不大于 {1}，而不是 {2}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="423"/>
        <source>{0} must be true or false, not {1}</source>
        <translation>{0} 必须是 true 或 false，而不是 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="428"/>
        <source>unknown model {0}; models: {1}</source>
        <translation>未知模型 {0}；可用模型：{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="431"/>
        <source>the text is empty; type a sentence</source>
        <translation>文本为空；请输入一个句子</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="432"/>
        <source>the text is {0} tokens long; {1} takes at most {2}</source>
        <translation>文本长 {0} 个词元；{1} 最多接受 {2} 个</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="433"/>
        <source>{0} does not predict a next token (it is not a causal model)</source>
        <translation>{0} 不预测下一个词元（它不是因果模型）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="434"/>
        <source>positions {0} is not one of {1}</source>
        <translation>位置方案 {0} 不是以下之一：{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="435"/>
        <source>{0}:{1} needs {1} &gt;= 0, not {2}</source>
        <translation>{0}:{1} 要求 {1} &gt;= 0，而不是 {2}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="436"/>
        <source>positions {0} needs an integer: {0}:{1}</source>
        <translation>位置方案 {0} 需要一个整数：{0}:{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="437"/>
        <source>shift:{0} puts {1} tokens past the model&apos;s {2} positions; shift by at most {3}</source>
        <translation>shift:{0} 使 {1} 个词元超出模型的 {2} 个位置；最多平移 {3}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="438"/>
        <source>the position offset must be between 0 and {0}, not {1}</source>
        <translation>位置偏移必须在 0 到 {0} 之间，而不是 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="441"/>
        <source>NoPE layers must be between 0 and {0}, not {1}</source>
        <translation>NoPE 层号必须在 0 到 {0} 之间，而不是 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="442"/>
        <source>{0} is not the SmolLM2-135M file this app reads ({1})</source>
        <translation>{0} 不是本应用读取的 SmolLM2-135M 文件（{1}）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="443"/>
        <source>{0}: the token embeddings are {1}, not Q8_0</source>
        <translation>{0}：词元嵌入的格式是 {1}，而不是 Q8_0</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="449"/>
        <source>{0} {1} of shape {2} is {3} and needs {4} at its peak, over the memory budget of {5}</source>
        <translation>{0} 的 {1} 输出（形状 {2}）大小为 {3}，计算时峰值需要 {4}，超出了 {5} 的内存预算</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="486"/>
        <source>the deck has {0} scenes; at most {1}</source>
        <translation>课件有 {0} 个场景；最多 {1} 个</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="457"/>
        <source>this view shows no data yet</source>
        <translation>此视图还没有显示任何数据</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="458"/>
        <source>cannot write {0}: use one of {1}</source>
        <translation>无法写入 {0}：文件扩展名必须是 {1} 之一</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="341"/>
        <source>PNG width must be from {0} to {1} pixels, not {2}</source>
        <translation>PNG 宽度必须在 {0} 到 {1} 像素之间，而不是 {2}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="342"/>
        <source>could not encode the PNG image</source>
        <translation>无法编码 PNG 图像</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="343"/>
        <source>cannot write {0}: a figure is written as {1}</source>
        <oldsource>no figure for {0}; PNG export draws: {1}</oldsource>
        <translation>无法写入 {0}：图像只能保存为 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="344"/>
        <source>no figure for {0}; figures are drawn of: {1}</source>
        <translation>{0} 没有对应的图；可以绘制的有：{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="345"/>
        <source>the deck has no scenes: a handout needs at least one</source>
        <translation>讲稿中没有场景：讲义至少需要一个场景</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="346"/>
        <source>cannot write {0}: its folder does not exist</source>
        <translation>无法写入 {0}：所在文件夹不存在</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="347"/>
        <source>cannot create {0}: {1}</source>
        <translation>无法创建 {0}：{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="365"/>
        <source>lesson {0} has no option {1}</source>
        <translation>课程 {0} 没有选项 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="380"/>
        <source>d_model must be even (channels rotate in pairs), not {0}</source>
        <translation>d_model 必须为偶数（通道成对旋转），而不是 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="381"/>
        <source>{0} has {1} layers (0 to {2}), not layer {3}</source>
        <translation>{0} 有 {1} 层（0 到 {2}），没有第 {3} 层</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="385"/>
        <source>rope_dim must be even (channels rotate in pairs), not {0}</source>
        <translation>rope_dim 必须为偶数（通道成对旋转），而不是 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="386"/>
        <source>d_model must be even for M-RoPE (channels rotate in pairs), not {0}</source>
        <translation>M-RoPE 的 d_model 必须为偶数（通道成对旋转），而不是 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="388"/>
        <source>d_model must be even for Sandwich (sines and cosines come in pairs), not {0}</source>
        <translation>Sandwich 的 d_model 必须为偶数（正弦和余弦成对出现），而不是 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="394"/>
        <source>this config has no layer that rotates q and k (all NoPE)</source>
        <translation>此配置中没有旋转 q 和 k 的层（全部为 NoPE）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="395"/>
        <source>{0} is not a file (a model config is a JSON file)</source>
        <translation>{0} 不是文件（模型配置是 JSON 文件）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="396"/>
        <source>cannot read {0}: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="397"/>
        <source>{0} is larger than {1} MiB: not a model config</source>
        <translation>{0} 大于 {1} MiB：不是模型配置</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="398"/>
        <source>{0} is not UTF-8 text: not a model config</source>
        <translation>{0} 不是 UTF-8 文本：不是模型配置</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="399"/>
        <source>{0} is nested too deeply: not a model config</source>
        <translation>{0} 嵌套层次过深：不是模型配置</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="400"/>
        <source>{0} is not JSON: {1}</source>
        <translation>{0} 不是 JSON：{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="402"/>
        <source>a config must be a JSON object, not {0}</source>
        <translation>配置必须是 JSON 对象，而不是 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="403"/>
        <source>mrope_section must be a list of positive whole numbers, not {0}</source>
        <translation>mrope_section 必须是正整数列表，而不是 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="404"/>
        <source>mrope_section {0} covers {1} pairs, but the head turns {2}</source>
        <translation>mrope_section {0} 覆盖 {1} 对，但该头旋转 {2} 对</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="405"/>
        <source>the config has no {0}</source>
        <translation>配置中没有 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="406"/>
        <source>{0} must be a whole number from {1} to {2}, not {3}</source>
        <translation>{0} 必须是 {1} 到 {2} 之间的整数，而不是 {3}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="407"/>
        <source>{0} must be a number from {1} to {2}, not {3}</source>
        <translation>{0} 必须是 {1} 到 {2} 之间的数，而不是 {3}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="408"/>
        <source>hidden_size {0} is not a multiple of num_attention_heads {1}, and no head_dim is given</source>
        <translation>hidden_size {0} 不是 num_attention_heads {1} 的倍数，且未给出 head_dim</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="409"/>
        <source>no_rope_layers must list 0 or 1 for each of the {0} layers</source>
        <translation>no_rope_layers 必须为全部 {0} 层各给出 0 或 1</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="410"/>
        <source>layer_types must name one of {0} for each of the {1} layers</source>
        <translation>layer_types 必须为全部 {1} 层各给出 {0} 之一</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="411"/>
        <source>rope_parameters has no entry for the layer type {0}</source>
        <translation>rope_parameters 中没有层类型 {0} 的条目</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="412"/>
        <source>rope_scaling / rope_parameters must be a JSON object, not {0}</source>
        <translation>rope_scaling / rope_parameters 必须是 JSON 对象，而不是 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="413"/>
        <source>unknown rope type {0}; known: {1}</source>
        <translation>未知的 rope 类型 {0}；已知的有：{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="414"/>
        <source>truncate must be true or false, not {0}</source>
        <translation>truncate 必须是 true 或 false，而不是 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="415"/>
        <source>{0} must be a list of positive numbers, not {1}</source>
        <translation>{0} 必须是正数列表，而不是 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="416"/>
        <source>partial_rotary_factor {0} of head_dim {1} rotates nothing</source>
        <translation>head_dim {1} 的 partial_rotary_factor {0} 不旋转任何通道</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="393"/>
        <source>layer type {0} does not rotate in this config; rotating types: {1}</source>
        <translation>此配置中层类型 {0} 不旋转；旋转的类型有：{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="417"/>
        <source>the rope parameters have no {0}</source>
        <translation>rope 参数中没有 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="418"/>
        <source>position ids must be whole numbers of shape (n,) or (3, n), not {0} of shape {1}</source>
        <translation>位置编号必须是形状为 (n,) 或 (3, n) 的整数，而不是形状为 {1} 的 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="419"/>
        <source>(3, n) position ids need an M-RoPE model (mrope_section); this one takes (n,)</source>
        <translation>(3, n) 的位置编号需要 M-RoPE 模型（mrope_section）；此模型只接受 (n,)</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="360"/>
        <source>the M-RoPE lesson has steps {0}, not {1}</source>
        <translation>M-RoPE 课程的步骤是 {0}，不是 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="361"/>
        <source>{0} must be 1 to {1}, not {2}</source>
        <translation>{0} 必须在 1 到 {1} 之间，不能是 {2}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="447"/>
        <source>method {0} has no parameter {1} (it has: none)</source>
        <translation>方法 {0} 没有参数 {1}（它没有任何参数）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="448"/>
        <source>method {0} has no parameter {1} (it has: {2})</source>
        <translation>方法 {0} 没有参数 {1}（它有：{2}）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="451"/>
        <source>unknown RoPE scaling {0}; known: {1}</source>
        <translation>未知的 RoPE 缩放 {0}；已知的有：{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="452"/>
        <source>LongRoPE needs one factor per rotated pair ({0}), not {1}</source>
        <translation>LongRoPE 需要每个旋转对一个系数（{0} 个），而不是 {1} 个</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="453"/>
        <source>high_freq_factor ({0}) must not be smaller than low_freq_factor ({1})</source>
        <translation>high_freq_factor（{0}）不能小于 low_freq_factor（{1}）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="459"/>
        <source>unknown view {0}; known: {1}</source>
        <translation>未知视图 {0}；已知视图：{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="460"/>
        <source>view {0} does not apply to method {1}</source>
        <translation>视图 {0} 不适用于方法 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="461"/>
        <source>head must be &quot;all&quot; or a head index from 0 to {0}, not {1}</source>
        <translation>head 必须是 &quot;all&quot; 或 0 到 {0} 之间的头下标，而不是 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="462"/>
        <source>a scene must be a JSON object, not {0}</source>
        <translation>场景必须是 JSON 对象，而不是{0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="463"/>
        <source>unknown scene key {0}; known: {1}</source>
        <translation>未知的场景键 {0}；已知的键：{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="464"/>
        <source>a scene needs a &quot;method&quot;</source>
        <translation>场景必须指定 &quot;method&quot;</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="465"/>
        <source>{0} must be a string, not {1}</source>
        <translation>{0} 必须是字符串，而不是{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="466"/>
        <source>{0} is {1} characters long; at most {2}</source>
        <translation>{0} 有 {1} 个字符；最多 {2} 个</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="467"/>
        <source>{0} must not be empty</source>
        <translation>{0} 不能为空</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="468"/>
        <source>{0} holds a lone surrogate ({1}) at character {2}, which is not text; remove it</source>
        <translation>{0} 的第 {2} 个字符是孤立的代理码元（{1}），不是文本；请删除它</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="469"/>
        <source>{0} must be an object of name: value, not {1}</source>
        <translation>{0} 必须是“名称: 值”形式的对象，而不是{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="470"/>
        <source>{0} must be a whole number from 0 to {1}, not {2}</source>
        <translation>{0} 必须是 0 到 {1} 之间的整数，而不是 {2}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="471"/>
        <source>dims must be a list of dimension indices, not {0}</source>
        <translation>dims 必须是维度下标的列表，而不是{0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="472"/>
        <source>dims lists {0} dimensions; at most {1} curves</source>
        <translation>dims 列出了 {0} 个维度；最多只能画 {1} 条曲线</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="473"/>
        <source>each of dims must be a whole number from 0 to {0}, not {1}</source>
        <translation>dims 中的每一项都必须是 0 到 {0} 之间的整数，而不是 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="474"/>
        <source>options has {0} entries; at most {1}</source>
        <translation>options 有 {0} 项；最多 {1} 项</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="475"/>
        <source>option names must be non-empty strings, not {0}</source>
        <translation>选项名必须是非空字符串，而不是 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="476"/>
        <source>option name {0} is longer than {1} characters</source>
        <translation>选项名 {0} 超过了 {1} 个字符</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="477"/>
        <source>option {0} must be a finite number, not {1}</source>
        <translation>选项 {0} 必须是有限的数，而不是 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="478"/>
        <source>option {0} must be from -1e9 to 1e9, not {1}</source>
        <translation>选项 {0} 必须在 -1e9 到 1e9 之间，而不是 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="479"/>
        <source>option {0} is longer than {1} characters</source>
        <translation>选项 {0} 超过了 {1} 个字符</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="480"/>
        <source>option {0} must be a number, true/false or a string, not {1}</source>
        <translation>选项 {0} 必须是数字、true/false 或字符串，而不是{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="481"/>
        <source>a deck must be a JSON object, not {0}</source>
        <translation>课件必须是 JSON 对象，而不是{0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="482"/>
        <source>unknown deck key {0}; known: {1}</source>
        <oldsource>unknown deck key {0}; known: version, title, scenes</oldsource>
        <translation>未知的课件键 {0}；已知的键：{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="483"/>
        <source>unsupported deck version {0}; this app reads version {1}</source>
        <translation>不支持课件版本 {0}；本应用只能读取版本 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="484"/>
        <source>&quot;scenes&quot; must be a list, not {0}</source>
        <translation>&quot;scenes&quot; 必须是列表，而不是{0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="485"/>
        <source>the deck has no scenes</source>
        <translation>课件中没有场景</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="401"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="424"/>
        <source>{0} must be a number, not {1}</source>
        <translation>{0} 必须是数字，而不是 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="425"/>
        <source>{0} must be a finite number, not {1}</source>
        <translation>{0} 必须是有限的数，而不是 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="426"/>
        <source>{0} must be a whole number, not {1}</source>
        <translation>{0} 必须是整数，而不是 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="427"/>
        <source>{0} is too large: {1}</source>
        <translation>{0} 太大：{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="367"/>
        <source>patch {0} is outside the {1} patches</source>
        <translation>图块 {0} 超出了 {1} 个图块的范围</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="369"/>
        <source>2D RoPE needs a width that is a multiple of 4, not {0}</source>
        <translation>二维 RoPE 的宽度须为 4 的倍数，而不是 {0}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="368"/>
        <source>patch ({0}, {1}) is outside the {2} x {2} grid</source>
        <translation>图块 ({0}, {1}) 超出了 {2} x {2} 网格</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="370"/>
        <source>patch ({0}, {1}, {2}) is outside {3} frames of {4} x {4}</source>
        <translation>图块 ({0}, {1}, {2}) 超出了 {3} 帧 {4} x {4} 的范围</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="444"/>
        <source>method {0} has no parameter {1}</source>
        <translation>方法 {0} 没有参数 {1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="445"/>
        <source>method {0} has no {1} output (it has: {2})</source>
        <translation>方法 {0} 没有 {1} 输出（它有：{2}）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="446"/>
        <source>{0} {1} does not take {2}</source>
        <translation>{0} 的 {1} 输出不接受参数 {2}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="450"/>
        <source>unknown method {0}; known: {1}</source>
        <translation>未知方法 {0}；已知方法：{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="454"/>
        <source>{0} tokens; at most {1}</source>
        <translation>{0} 个词元；最多 {1} 个</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="455"/>
        <source>cannot write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="456"/>
        <source>CSV holds 1-, 2- or 3-D arrays; this one is {0}-D (use .npy)</source>
        <translation>CSV 只能保存一维、二维或三维数组；这个数组是 {0} 维的（请改用 .npy）</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="429"/>
        <source>model {0} is not installed: its files ({1}) are in none of {2}; to get them, {3}</source>
        <translation>未安装模型 {0}：在 {2} 中都找不到它的文件（{1}）。获取方法：{3}</translation>
    </message>
    <message>
        <location filename=".registry_strings.py" line="430"/>
        <source>model {0} needs the Python package {1}: pip install safetensors gguf tokenizers</source>
        <translation>模型 {0} 需要 Python 包 {1}：pip install safetensors gguf tokenizers</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/real_models/base.py" line="32"/>
        <source>run the PosEnc Explorer setup again with its Real models component, or from the source run python3 scripts/fetch_models.py (python3 scripts/dev.py run fetches them too)</source>
        <translation>重新运行 PosEnc Explorer 安装程序并选择“真实模型”组件；或者在源代码目录中运行 python3 scripts/fetch_models.py（python3 scripts/dev.py run 也会下载它们）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/real_models/base.py" line="36"/>
        <source>install PosEnc Explorer again from its .dmg (its app carries them), or from the source run python3 scripts/fetch_models.py (python3 scripts/dev.py run fetches them too)</source>
        <translation>用 .dmg 重新安装 PosEnc Explorer（其中的应用自带模型）；或者在源代码目录中运行 python3 scripts/fetch_models.py（python3 scripts/dev.py run 也会下载它们）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/real_models/base.py" line="39"/>
        <source>install the posenc-gui-models package (sudo apt install posenc-gui-models), or from the source run python3 scripts/fetch_models.py (python3 scripts/dev.py run fetches them too)</source>
        <translation>安装 posenc-gui-models 软件包（sudo apt install posenc-gui-models）；或者在源代码目录中运行 python3 scripts/fetch_models.py（python3 scripts/dev.py run 也会下载它们）</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <location filename="../../posenc_gui/scene_files.py" line="30"/>
        <source>deck</source>
        <translation>课件</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/scene_files.py" line="30"/>
        <source>scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/scene_files.py" line="31"/>
        <source>{0}: not a file (a {1} is a UTF-8 JSON file)</source>
        <translation>{0}：不是文件（{1}是 UTF-8 编码的 JSON 文件）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/scene_files.py" line="32"/>
        <source>{0}: larger than {2} MiB; not a {1}</source>
        <translation>{0}：大于 {2} MiB，不是{1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/scene_files.py" line="33"/>
        <source>{0}: saved as UTF-16; a {1} is UTF-8 JSON (save it again as UTF-8)</source>
        <translation>{0}：以 UTF-16 保存；{1}应为 UTF-8 编码的 JSON（请另存为 UTF-8）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/scene_files.py" line="34"/>
        <source>cannot read {0}: {2}</source>
        <translation>无法读取 {0}：{2}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/scene_files.py" line="35"/>
        <source>{0}: not a text file (a {1} is UTF-8 JSON)</source>
        <translation>{0}：不是文本文件（{1}是 UTF-8 编码的 JSON）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/scene_files.py" line="36"/>
        <source>{0}: JSON nested too deeply</source>
        <translation>{0}：JSON 嵌套过深</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/scene_files.py" line="37"/>
        <source>{0}: not valid JSON ({2})</source>
        <translation>{0}：不是有效的 JSON（{2}）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/scene_files.py" line="38"/>
        <source>{0}: the key {2} is given twice in one object (a {1} names each key once)</source>
        <translation>{0}：同一个对象中键 {2} 出现了两次（{1}中每个键只能出现一次）</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <location filename="../../posenc_gui/app/help_pages.py" line="37"/>
        <source>Parameter panel on or off</source>
        <translation>显示或隐藏参数面板</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/help_pages.py" line="38"/>
        <source>Scene notes on or off (on one screen)</source>
        <translation>显示或隐藏场景备注（单屏时）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/help_pages.py" line="39"/>
        <source>Stop presenting</source>
        <translation>退出演示</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/help_pages.py" line="61"/>
        <source>Black screen; any key or click brings the picture back</source>
        <translation>黑屏；按任意键或单击即可恢复画面</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/help_pages.py" line="63"/>
        <source>Commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/help_pages.py" line="64"/>
        <source>In a deck or while presenting (also a presentation clicker)</source>
        <translation>打开课件或演示时（翻页笔同样适用）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/help_pages.py" line="65"/>
        <source>While presenting</source>
        <translation>演示时</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/help_pages.py" line="74"/>
        <source>In a text field being typed into, only PageUp and PageDown step through the deck.</source>
        <translation>在正在输入的文本框中，只有 PageUp 和 PageDown 会切换课件场景。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/help_pages.py" line="104"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/help_pages.py" line="108"/>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
</context>
<context>
    <name>model_config</name>
    <message>
        <location filename="../../posenc_gui/core/model_config/for_scene.py" line="25"/>
        <source>NoPE layers (no rotation) beside the RoPE ones: the scene shows the RoPE layers; the method Layer patterns shows both for Llama 4 and SmolLM3</source>
        <translation>RoPE 层之间夹着 NoPE 层（不旋转）：场景只显示 RoPE 层；方法“层模式”可显示 Llama 4 与 SmolLM3 的两种层</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/model_config/for_scene.py" line="27"/>
        <source>sliding-window and chunked attention masks: the scene attends to every earlier position; the method Layer patterns masks as Llama 4, Gemma 3, ModernBERT and gpt-oss do (the button above takes a stack it has there)</source>
        <translation>滑动窗口与分块注意力掩码：场景关注之前的所有位置；方法“层模式”按 Llama 4、Gemma 3、ModernBERT 与 gpt-oss 的方式做掩码（上方的按钮把它所有的层堆叠带到那里）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/model_config/for_scene.py" line="30"/>
        <source>layer types with different rotations: the scene shows one of them (the layer strip shows all)</source>
        <translation>旋转方式不同的多种层类型：场景只显示其中一种（层条带显示全部）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/model_config/for_scene.py" line="32"/>
        <source>M-RoPE&apos;s (t, h, w) sections: the scene shows text tokens, whose three ids are equal; the method M-RoPE gives images and videos their ids</source>
        <translation>M-RoPE 的 (t, h, w) 分段：场景显示文本词元，其三个编号相同；方法“M-RoPE（多模态）”为图像和视频分配编号</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/model_config/for_scene.py" line="34"/>
        <source>MLA: the scene shows the decoupled rotary slice (qk_rope_head_dim) only; the method MLA decoupled RoPE puts it beside the non-rotary dimensions</source>
        <translation>MLA：场景只显示解耦的旋转部分（qk_rope_head_dim）；方法“MLA 解耦 RoPE”把它与不旋转的维度放在一起</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/model_config/for_scene.py" line="36"/>
        <source>this config&apos;s own LongRoPE factor lists: not yet simulated, the scene uses Phi-3-vision&apos;s lists</source>
        <translation>此配置自带的 LongRoPE 因子列表：尚未模拟，场景使用 Phi-3-vision 的列表</translation>
    </message>
</context>
<context>
    <name>panel</name>
    <message>
        <location filename="../../posenc_gui/app/panel.py" line="101"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/panel.py" line="102"/>
        <source>one of {0}</source>
        <translation>可选：{0}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/panel.py" line="105"/>
        <source>on or off</source>
        <translation>开或关</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/panel.py" line="106"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/panel.py" line="106"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/panel.py" line="108"/>
        <source>from {0} to {1}</source>
        <translation>从 {0} 到 {1}</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/app/panel.py" line="111"/>
        <source>{0}
({1}; default {2})</source>
        <translation>{0}
（{1}；默认 {2}）</translation>
    </message>
</context>
<context>
    <name>reference</name>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="47"/>
        <source>Sinusoidal</source>
        <translation>正弦位置编码</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="48"/>
        <source>A fixed vector of sines and cosines at geometrically spaced frequencies is added to each token embedding.</source>
        <translation>把一组频率按等比数列分布的正弦、余弦值构成的固定向量，加到每个词元的嵌入上。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="50"/>
        <source>No parameters to learn.</source>
        <translation>没有需要学习的参数。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="51"/>
        <source>Defined for every position, including ones never seen in training.</source>
        <translation>对任意位置都有定义，包括训练中从未见过的位置。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="52"/>
        <source>An offset is a fixed rotation: PE[p + k] is a linear function of PE[p], so relative positions are within reach.</source>
        <translation>偏移对应固定的旋转：PE[p + k] 是 PE[p] 的线性函数，因此模型有可能学到相对位置。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="54"/>
        <source>Fixed: it cannot adapt to the task.</source>
        <translation>编码固定，无法随任务调整。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="55"/>
        <source>Defined beyond the training length, yet models using it degrade there (Press et al. 2022).</source>
        <translation>虽然超出训练长度也有定义，但使用它的模型在那里效果会变差（Press et al. 2022）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="57"/>
        <source>Several channel layouts exist (interleaved, [sin | cos], tensor2tensor, fairseq) and give different numbers.</source>
        <translation>存在多种通道排布（交错、[sin | cos]、tensor2tensor、fairseq），算出的数值各不相同。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="61"/>
        <source>Learned absolute</source>
        <translation>可学习绝对位置编码</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="64"/>
        <source>The simplest to implement.</source>
        <translation>实现最简单。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="65"/>
        <source>Trained with the model, so it fits the task and data.</source>
        <translation>与模型一起训练，因此贴合任务和数据。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="66"/>
        <source>No vector exists past the last row: the maximum length is fixed (BERT 512, GPT-2 1024).</source>
        <translation>超过最后一行就没有向量：最大长度是固定的（BERT 为 512，GPT-2 为 1024）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="69"/>
        <source>Rarely seen positions are poorly trained.</source>
        <translation>很少出现的位置训练不充分。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="72"/>
        <source>Relative (Shaw, Transformer-XL)</source>
        <translation>相对位置编码（Shaw、Transformer-XL）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="74"/>
        <source>Attention scores get a term that depends on the offset j - i between query and key, not on where either one sits.</source>
        <translation>注意力得分中加入一项，它只取决于查询与键之间的偏移 j - i，而与两者各自所在的位置无关。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="76"/>
        <source>The same pattern applies at every position.</source>
        <translation>同样的模式适用于每个位置。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="77"/>
        <source>Shaw et al. clip offsets at K, so one table serves any length.</source>
        <translation>Shaw 等人把偏移截断在 K 以内，因此一张表可用于任意长度。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="78"/>
        <source>Transformer-XL reuses cached segments, since positions are never absolute.</source>
        <translation>由于从不使用绝对位置，Transformer-XL 可以复用缓存的片段。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="80"/>
        <source>Changes the attention computation itself: harder to implement.</source>
        <translation>需要改动注意力计算本身，实现起来更难。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="81"/>
        <source>Extra tables or terms, memory and time in every layer.</source>
        <translation>每一层都多出额外的表或计算项，占用更多内存和时间。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="84"/>
        <source>T5 relative bias</source>
        <translation>T5 相对位置偏置</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="85"/>
        <source>Offsets fall into buckets (exact when short, logarithmic when long); each bucket has one learned scalar per head added to the logits.</source>
        <translation>偏移被分到若干桶中（距离近时一一对应，距离远时按对数划分）；每个桶在每个头上有一个可学习的标量，加到 logits 上。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="88"/>
        <source>Log-spaced buckets cover long distances cheaply.</source>
        <translation>按对数划分的桶能以很小的代价覆盖很长的距离。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="89"/>
        <source>All offsets past max_distance share the last bucket.</source>
        <translation>超过 max_distance 的偏移全部共用最后一个桶。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="90"/>
        <source>Only a scalar per offset: no position information in the values.</source>
        <translation>每个偏移只有一个标量：值向量中不含位置信息。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="98"/>
        <source>No parameters; the score is exactly relative.</source>
        <translation>没有参数；得分严格只依赖相对位置。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="99"/>
        <source>Touches only queries and keys: values and the attention formula stay as they are.</source>
        <translation>只作用于查询和键：值向量和注意力公式都保持不变。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="101"/>
        <source>A trained model&apos;s context can be stretched by rescaling the frequencies (PI, NTK, YaRN, Llama 3).</source>
        <translation>通过重新缩放频率（PI、NTK、YaRN、Llama 3），可以扩展已训练模型的上下文长度。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="103"/>
        <source>Past the training length it needs such rescaling to work well.</source>
        <translation>超出训练长度时，需要做这类缩放才能有好的效果。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="104"/>
        <source>Two channel layouts (interleaved, half split) that are not interchangeable.</source>
        <translation>有两种互不兼容的通道排布（交错、前后两半）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="106"/>
        <source>The rotation takes some mathematics to explain.</source>
        <translation>讲清楚旋转需要一些数学知识。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="109"/>
        <location filename="../../posenc_gui/core/published_models.py" line="170"/>
        <source>ALiBi</source>
        <translation>ALiBi</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="62"/>
        <source>A table with one trained vector per position, max_len × d_model, added to the token embeddings.</source>
        <translation>一张 max_len × d_model 的表，每个位置一个训练得到的向量，加到词元嵌入上。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="68"/>
        <source>max_len × d_model extra parameters.</source>
        <translation>额外增加 max_len × d_model 个参数。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="87"/>
        <source>Very few parameters: buckets × heads, shared by all layers.</source>
        <translation>参数极少：桶数 × 头数，且所有层共享。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="94"/>
        <source>RoPE (rotary)</source>
        <translation>RoPE（旋转位置编码）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="95"/>
        <source>Queries and keys are rotated pair by pair by an angle proportional to their position, so their dot product depends only on the offset; xPos adds a scale that damps distant scores.</source>
        <translation>查询和键按维度对逐对旋转，旋转角与所在位置成正比，因此两者的点积只取决于相对偏移；xPos 再加上一个缩放，削弱远距离的得分。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="110"/>
        <source>No embedding at all: each head adds −m × distance to the logits, with a fixed slope m per head.</source>
        <translation>完全不用位置嵌入：每个头在 logits 上加上 −m × 距离，每个头的斜率 m 固定。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="112"/>
        <source>No parameters and almost no cost.</source>
        <translation>没有参数，几乎没有额外开销。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="113"/>
        <source>Trained on short sequences, it still works on longer ones (Press et al. 2022).</source>
        <translation>在短序列上训练，也能用于更长的序列（Press et al. 2022）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="115"/>
        <source>A fixed linear penalty: a simple, less expressive model of position.</source>
        <translation>固定的线性惩罚：对位置的建模简单，表达能力较弱。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="117"/>
        <source>Always favours nearby tokens.</source>
        <translation>总是偏向距离近的词元。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="229"/>
        <source>NoPE (no encoding)</source>
        <translation>NoPE（无位置编码）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="230"/>
        <source>Nothing is added; a causal mask alone lets a decoder infer positions.</source>
        <translation>什么也不加；仅凭因果掩码，解码器就能推断出位置。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="231"/>
        <source>Nothing to implement or tune.</source>
        <translation>无需实现，也无需调参。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="232"/>
        <source>Causal language models still learn position (Haviv et al. 2022).</source>
        <translation>因果语言模型照样能学到位置信息（Haviv et al. 2022）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="233"/>
        <source>Without a causal mask, attention cannot tell word orders apart: &quot;cat chases mouse&quot; = &quot;mouse chases cat&quot;.</source>
        <translation>没有因果掩码时，注意力分不清词序：“猫追老鼠” = “老鼠追猫”。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="237"/>
        <source>Images and video (2D, 3D)</source>
        <translation>图像与视频（二维、三维）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="239"/>
        <source>Each patch gets one code per axis: half the channels for the column and half for the row (a third each for time, row, column in video).</source>
        <translation>每个图块在每个坐标轴上各有一份编码：一半通道编码列，一半编码行（视频则时间、行、列各占三分之一）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="241"/>
        <source>2D sin-cos: no parameters, any grid size (MAE).</source>
        <translation>二维 sin-cos：没有参数，适用于任意网格大小（MAE）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="242"/>
        <source>A learned grid fits the data it was trained on (ViT).</source>
        <translation>可学习网格贴合训练所用的数据（ViT）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="243"/>
        <source>Axial 2D RoPE: scores depend on the offset (dy, dx) alone (EVA-02, RoPE-ViT).</source>
        <translation>轴向二维 RoPE：得分只取决于偏移 (dy, dx)（EVA-02、RoPE-ViT）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="245"/>
        <source>A learned grid must be resized (bicubic interpolation) when the image size changes.</source>
        <translation>图像尺寸改变时，可学习网格必须缩放（双三次插值）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="247"/>
        <source>Each axis gets only part of the channels.</source>
        <translation>每个坐标轴只分到一部分通道。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="37"/>
        <source>Interleaved sin / cos, base 10000.</source>
        <translation>sin / cos 交错排布，底数 10000。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="40"/>
        <source>512 learned positions.</source>
        <translation>512 个可学习的位置。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="43"/>
        <source>1024 learned positions (wpe).</source>
        <translation>1024 个可学习的位置（wpe）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="46"/>
        <source>Relative sinusoid R(i - j) with global biases u, v.</source>
        <translation>相对正弦编码 R(i - j)，加全局偏置 u、v。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="49"/>
        <source>32 buckets, max distance 128, one scalar per bucket and head.</source>
        <translation>32 个桶，最大距离 128，每个桶、每个头一个标量。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="55"/>
        <source>Interleaved pairs, 64 of 256 dimensions per head rotate.</source>
        <translation>交错配对，每个头 256 维中有 64 维参与旋转。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="58"/>
        <source>Half-split pairs, a quarter of the dimensions rotate.</source>
        <translation>前后两半配对，四分之一的维度参与旋转。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="61"/>
        <location filename="../../posenc_gui/core/published_models.py" line="64"/>
        <source>Linear biases, no position embedding.</source>
        <translation>线性偏置，没有位置嵌入。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="67"/>
        <source>Interleaved pairs (complex multiplication), base 10000.</source>
        <translation>交错配对（复数乘法），底数 10000。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="70"/>
        <source>Base 500000; Llama 3 scaling, factor 8 from 8192 positions.</source>
        <translation>底数 500000；Llama 3 缩放，从 8192 个位置扩展 8 倍。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="73"/>
        <location filename="../../posenc_gui/core/published_models.py" line="76"/>
        <location filename="../../posenc_gui/core/published_models.py" line="79"/>
        <source>Rotary positions.</source>
        <translation>旋转位置编码。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="52"/>
        <source>Learned positions (the source article groups it with GPT-J).</source>
        <translation>可学习位置编码（原文把它和 GPT-J 归为一类）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="120"/>
        <location filename="../../posenc_gui/core/published_models.py" line="173"/>
        <source>KERPLE</source>
        <translation>KERPLE</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="121"/>
        <source>A learned kernel of the distance is subtracted from the logits: r1 log(1 + r2 d) or r1 d^r2, two numbers per head.</source>
        <translation>从 logits 中减去一个关于距离的可学习核函数：r1 log(1 + r2 d) 或 r1 d^r2，每个头两个参数。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="123"/>
        <source>Generalises ALiBi: each head learns how fast its penalty grows.</source>
        <translation>推广了 ALiBi：每个头自己学习惩罚随距离增长的快慢。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="124"/>
        <source>The logarithmic kernel extrapolated best to longer texts in its paper (Chi et al. 2022).</source>
        <translation>在原论文中，对数核外推到更长文本的效果最好（Chi 等，2022）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="126"/>
        <source>Two more parameters per head to train.</source>
        <translation>每个头多两个需要训练的参数。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="127"/>
        <location filename="../../posenc_gui/core/models.py" line="137"/>
        <source>Few released models use it.</source>
        <translation>采用它的公开模型很少。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="130"/>
        <location filename="../../posenc_gui/core/published_models.py" line="191"/>
        <source>Sandwich</source>
        <translation>Sandwich</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="131"/>
        <source>The dot product of two sinusoidal position vectors, shifted to 0 at distance 0 and compressed per head, is added to the logits.</source>
        <translation>两个正弦位置向量的点积，平移到距离 0 处为 0，并按头压缩，加到 logits 上。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="133"/>
        <source>No parameters: the sinusoid&apos;s own decay becomes the bias.</source>
        <translation>没有参数：正弦编码自身的衰减就是偏置。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="134"/>
        <source>Flattens out at long distances instead of falling without end like ALiBi.</source>
        <translation>在远距离处趋于平坦，而不像 ALiBi 那样无限下降。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="136"/>
        <source>Its ripples make some far keys score higher than nearer ones.</source>
        <translation>它的波动使一些较远的键得分高于较近的键。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="140"/>
        <location filename="../../posenc_gui/core/published_models.py" line="194"/>
        <source>FIRE</source>
        <translation>FIRE</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="141"/>
        <source>A small learned network maps log distance, divided by the log of the query&apos;s position, to one bias per head.</source>
        <translation>一个学习得到的小网络把对数距离（除以查询位置的对数）映射为每个头的一个偏置。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="143"/>
        <source>Every length maps into the same range [0, 1]: long texts reuse what training saw.</source>
        <translation>每种长度都映射到同一区间 [0, 1]：长文本复用训练时见过的输入。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="145"/>
        <source>Can learn ALiBi, KERPLE or T5&apos;s bias as special cases.</source>
        <translation>可以学到 ALiBi、KERPLE 或 T5 偏置这些特例。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="146"/>
        <source>An MLP per position pair: more work than a table lookup.</source>
        <translation>每对位置都要算一次 MLP：比查表更费计算。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="147"/>
        <source>Distances are relative to the query&apos;s position, so the same offset means less late in a text.</source>
        <translation>距离相对于查询位置归一化，所以同样的偏移在文本靠后处意义更小。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="151"/>
        <source>CoPE (contextual positions)</source>
        <translation>CoPE（上下文位置）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="152"/>
        <source>Each query opens a gate on every earlier key; the position of a key is the sum of the gates up to it, interpolated between learned embeddings.</source>
        <translation>每个查询对每个更早的键打开一个门控；键的位置是到它为止的门控之和，在学习得到的嵌入之间插值。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="155"/>
        <source>Counts what matters to the head: words, sentences, or a chosen token.</source>
        <translation>数的是对该头重要的东西：词、句子或某个选定的词元。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="157"/>
        <source>Solves counting and selective copying tasks that RoPE fails (Golovneva et al. 2024).</source>
        <translation>能解决 RoPE 做不到的计数和选择性复制任务（Golovneva 等，2024）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="159"/>
        <source>Positions depend on the content, so no cache of position tables is possible.</source>
        <translation>位置取决于内容，因此无法缓存位置表。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="161"/>
        <source>Extra (heads × tokens × tokens) work in every layer.</source>
        <translation>每层多出（头数 × 词元数 × 词元数）的计算。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="164"/>
        <source>Multimodal RoPE (M-RoPE)</source>
        <translation>多模态 RoPE（M-RoPE）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="165"/>
        <source>Each token gets a time, row and column id; groups of rotary pairs turn by each. Text tokens get the same id three times.</source>
        <translation>每个词元有时间、行、列三个编号；各组旋转维度对分别按其中一个旋转。文本词元的三个编号相同。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="167"/>
        <source>Text stays plain RoPE while image patches get 2D and video 3D positions, in one sequence.</source>
        <translation>在同一序列中，文本仍是普通 RoPE，图像块得到二维位置，视频得到三维位置。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="169"/>
        <source>An image takes only as many positions as its longer side, not as many as its patches.</source>
        <translation>一张图像只占用其较长边那么多个位置，而不是图像块的个数。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="171"/>
        <source>Each axis turns only part of the pairs: fewer frequencies per axis.</source>
        <translation>每个轴只旋转一部分维度对：每个轴的频率更少。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="173"/>
        <source>Models differ in how they split and number the pairs (blocks in Qwen2-VL, interleaved in Qwen3-VL).</source>
        <translation>不同模型划分和编号维度对的方式不同（Qwen2-VL 分块，Qwen3-VL 交错）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="177"/>
        <source>Decoupled RoPE (MLA)</source>
        <translation>解耦 RoPE（MLA）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="178"/>
        <source>Keys and values are compressed into a small latent; a separate slice of each query and key carries RoPE, its key part shared by all heads.</source>
        <translation>键和值被压缩为一个小的潜变量；每个查询和键另有一段通道承载 RoPE，键的这一段由所有头共享。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="181"/>
        <source>Keeps RoPE while caching only the latent: a much smaller key-value cache.</source>
        <translation>保留 RoPE，同时只缓存潜变量：键值缓存小得多。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="183"/>
        <source>Only a third of each head&apos;s score depends on position.</source>
        <translation>每个头的得分只有三分之一取决于位置。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="184"/>
        <source>A more complicated attention layer to implement.</source>
        <translation>注意力层实现起来更复杂。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="187"/>
        <source>Attention sinks (StreamingLLM)</source>
        <translation>注意力汇聚点（StreamingLLM）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="188"/>
        <source>A generating model keeps its first tokens and a rolling window of the latest; RoPE positions count places in that cache, not in the text.</source>
        <translation>生成中的模型保留开头的词元和最近词元的滚动窗口；RoPE 位置按在缓存中的位置计数，而不是在文本中的位置。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="190"/>
        <source>Generates indefinitely with a fixed cache and no retraining.</source>
        <translation>用固定大小的缓存无限生成，无需重新训练。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="191"/>
        <source>The first tokens soak up the attention a softmax must put somewhere, so keeping them keeps the model stable.</source>
        <translation>开头的词元吸收了 softmax 必须分配到某处的注意力，保留它们能让模型保持稳定。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="193"/>
        <source>Whatever left the window is forgotten: no long-range recall.</source>
        <translation>离开窗口的内容就被遗忘：无法远距离回忆。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="196"/>
        <source>Learned attention sinks (gpt-oss)</source>
        <translation>学习得到的注意力汇点（gpt-oss）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="197"/>
        <source>Each head learns one logit that joins every softmax as an extra key and is dropped after it: the head may give part of its attention to nothing.</source>
        <translation>每个头学习一个 logit，它作为额外的键加入每次 softmax，之后被丢弃：这个头可以把一部分注意力交给“无”。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="200"/>
        <source>A head with nothing to look at need not pile its attention on the first tokens.</source>
        <translation>无处可看的头不必把注意力堆在最前面的词元上。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="202"/>
        <source>One number per head: nothing to cache, nothing to re-index.</source>
        <translation>每个头只需一个数：无需缓存，也无需重新编号。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="203"/>
        <source>The weights no longer sum to 1, which tools that read them must allow for.</source>
        <translation>权重之和不再为 1，读取权重的工具必须考虑到这一点。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="207"/>
        <source>DroPE (RoPE dropped after training)</source>
        <translation>DroPE（训练后去掉 RoPE）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="208"/>
        <source>Pretrain with RoPE, then remove it and recalibrate briefly at the trained length: the model runs without positional encoding.</source>
        <translation>先用 RoPE 预训练，再去掉它，并在训练长度上短暂地重新校准：模型在没有位置编码的情况下运行。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="210"/>
        <source>RoPE speeds up pretraining; dropping it lets the model read past its trained length without long-context training.</source>
        <translation>RoPE 加快预训练；去掉它后，模型无需长上下文训练就能读到训练长度之外。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="212"/>
        <source>Needs a recalibration run; order then comes from the causal mask alone.</source>
        <translation>需要一次重新校准训练；此后顺序只来自因果掩码。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="216"/>
        <source>Mixed layers (iRoPE, local / global)</source>
        <translation>混合层（iRoPE、局部 / 全局）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="217"/>
        <source>Layers of one model see position differently: some rotate and some do not (NoPE), some attend within a window or chunk with one base, others to everything with another.</source>
        <translation>同一模型的各层看待位置的方式不同：有的旋转，有的不旋转（NoPE）；有的用一个底数在窗口或分块内注意，有的用另一个底数注意全部。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="220"/>
        <source>Local layers are cheap and keep RoPE&apos;s precise near positions; a few global layers carry the long range.</source>
        <translation>局部层计算便宜，并保留 RoPE 对近处位置的精确度；少数全局层负责远距离。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="222"/>
        <source>NoPE layers have nothing to extrapolate, which helps very long contexts (Llama 4: 10 million tokens).</source>
        <translation>NoPE 层没有需要外推的东西，有助于超长上下文（Llama 4：1000 万词元）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="224"/>
        <source>Each model has its own pattern, read from its config.</source>
        <translation>每个模型有自己的模式，从其配置中读出。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="225"/>
        <source>What the whole stack does with position is harder to see than one layer.</source>
        <translation>整个层堆叠如何处理位置，比单独一层更难看清。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="33"/>
        <source>source article</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="82"/>
        <source>Rotary positions (the source article lists it under ALiBi; the released models use RoPE).</source>
        <translation>旋转位置编码（原文把它列在 ALiBi 下；已发布的模型用的是 RoPE）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="86"/>
        <source>M-RoPE: 16 time, 24 row, 24 column pairs of 64, base 1000000.</source>
        <translation>M-RoPE：64 个维度对中时间 16、行 24、列 24，底数 1000000。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="89"/>
        <source>M-RoPE whose video time ids follow seconds, not frames.</source>
        <translation>M-RoPE，视频的时间编号按秒而不是按帧。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="92"/>
        <source>Interleaved M-RoPE: time, row and column pairs take turns.</source>
        <translation>交错 M-RoPE：时间、行、列的维度对轮流排列。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="95"/>
        <source>Multi-head latent attention: 64 of each head&apos;s 192 query and key channels rotate.</source>
        <translation>多头潜在注意力：每个头 192 个查询和键通道中有 64 个旋转。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="99"/>
        <source>Five sliding-window layers (1024 tokens, base 10000) to one global layer (base 1000000, linear ×8).</source>
        <translation>五个滑动窗口层（1024 词元，底数 10000）对一个全局层（底数 1000000，线性 ×8）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="103"/>
        <source>Five sliding-window layers (512 tokens, base 10000) to one global layer with p-RoPE: heads twice as wide (512), a quarter of the pairs turn (base 1000000), the rest get frequency 0.</source>
        <translation>五个滑动窗口层（512 个词元，底数 10000）配一个使用 p-RoPE 的全局层：头宽加倍（512），四分之一的维度对旋转（底数 1000000），其余频率为 0。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="108"/>
        <source>iRoPE: every 4th layer has no RoPE and sees everything; RoPE layers attend in chunks of 8192.</source>
        <translation>iRoPE：每第 4 层没有 RoPE 并能看到全部；RoPE 层在 8192 词元的分块内注意。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="112"/>
        <source>Every 3rd layer global (base 160000); the rest see 64 tokens either side (base 10000).</source>
        <translation>每第 3 层为全局层（底数 160000）；其余层看两侧各 64 个词元（底数 10000）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="116"/>
        <source>Every 4th layer without RoPE, base 5000000.</source>
        <translation>每第 4 层没有 RoPE，底数 5000000。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="119"/>
        <source>Base 10000; every layer attends within a sliding window of 4096 positions.</source>
        <translation>基数 10000；每一层都在 4096 个位置的滑动窗口内做注意力。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="123"/>
        <source>LongRoPE: one searched factor per pair, short ones up to 4096 positions and long ones beyond, with an attention factor.</source>
        <translation>LongRoPE：每对维度一个搜索得到的因子，4096 个位置以内用短因子、之外用长因子，并带注意力因子。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="127"/>
        <source>Base 1000000; YaRN x4 past 32768 positions when the user adds it to the config.</source>
        <translation>基数 1000000；用户在配置中加入后，超过 32768 个位置时使用 YaRN ×4。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="131"/>
        <source>YaRN x32 from 4096 positions; layers alternate a window of 128 and full attention; a learned sink logit per head.</source>
        <translation>从 4096 个位置起使用 YaRN ×32；各层在 128 的窗口注意力与全注意力之间交替；每个头有一个学习得到的汇点 logit。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="135"/>
        <source>Learned table over patches, resized by 2D interpolation for a new image size.</source>
        <translation>按图块学习的位置表，换图像尺寸时用二维插值缩放。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="139"/>
        <source>Fixed 2D sin-cos: first half column, second half row.</source>
        <translation>固定的二维 sin-cos：前一半编码列，后一半编码行。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="142"/>
        <source>Axial 2D RoPE: first half of each head by the row, second by the column, base 10000, positions stretched to the pretraining grid.</source>
        <translation>轴向二维 RoPE：每个头的前一半按行旋转，后一半按列，底数 10000，位置拉伸到预训练网格。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="146"/>
        <source>RoPE-Axial: first half by the column, second by the row, base 100.</source>
        <translation>RoPE-Axial：前一半按列旋转，后一半按行，底数 100。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="151"/>
        <source>Sinusoidal encoding</source>
        <translation>正弦位置编码</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="152"/>
        <source>The original Transformer adds fixed sines and cosines.</source>
        <translation>原始 Transformer 加上固定的正弦和余弦。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="154"/>
        <source>Relative position representations</source>
        <translation>相对位置表示</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="155"/>
        <source>Shaw et al. put clipped offsets j - i into keys and values.</source>
        <translation>Shaw 等人把截断后的偏移 j - i 引入键和值。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="157"/>
        <source>Learned positions in BERT</source>
        <translation>BERT 中的可学习位置编码</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="158"/>
        <source>A trained table of 512 positions (GPT-2 follows with 1024).</source>
        <translation>训练得到的 512 个位置的表（随后 GPT-2 用了 1024 个）。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="160"/>
        <source>Transformer-XL</source>
        <translation>Transformer-XL</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="161"/>
        <source>Relative sinusoids plus two global biases, with segment memory.</source>
        <translation>相对正弦编码加两个全局偏置，并带有片段记忆。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="163"/>
        <source>T5 bucketed bias</source>
        <translation>T5 分桶偏置</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="164"/>
        <source>One learned scalar per log-spaced bucket and head.</source>
        <translation>每个按对数划分的桶、每个头学习一个标量。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="166"/>
        <source>RoPE</source>
        <translation>RoPE</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="167"/>
        <source>Rotating queries and keys makes their score depend on the offset only.</source>
        <translation>旋转查询和键，使两者的得分只取决于相对偏移。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="171"/>
        <source>A linear distance penalty per head: train short, test long.</source>
        <translation>每个头一个随距离线性增长的惩罚：短序列训练，长序列测试。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="174"/>
        <source>Learned kernels of the distance (logarithmic, power) generalise ALiBi.</source>
        <translation>关于距离的可学习核（对数、幂）推广了 ALiBi。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="176"/>
        <source>NoPE</source>
        <translation>NoPE</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="177"/>
        <source>Causal models without any encoding still learn position.</source>
        <translation>不用任何位置编码的因果模型照样能学到位置。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="179"/>
        <source>xPos</source>
        <translation>xPos</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="180"/>
        <source>RoPE with an exponential scale that damps distant scores.</source>
        <translation>在 RoPE 上加指数缩放，削弱远距离的得分。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="182"/>
        <source>Position Interpolation</source>
        <translation>位置插值（PI）</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="183"/>
        <source>Divide RoPE&apos;s frequencies by s to fit s times more positions.</source>
        <translation>把 RoPE 的频率除以 s，以容纳 s 倍的位置。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="185"/>
        <source>NTK-aware scaling</source>
        <translation>NTK-aware 缩放</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="186"/>
        <source>Raise the base instead: high frequencies stay almost untouched.</source>
        <translation>改为增大底数：高频几乎不受影响。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="188"/>
        <source>YaRN</source>
        <translation>YaRN</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="189"/>
        <source>Blend per frequency band, plus an attention temperature.</source>
        <translation>按频段混合，再加一个注意力温度。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="192"/>
        <source>The sinusoid&apos;s inner product becomes a parameter-free bias.</source>
        <translation>正弦编码的内积成为无参数的偏置。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="195"/>
        <source>A learned function of normalised log distance.</source>
        <translation>归一化对数距离的一个可学习函数。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="197"/>
        <source>Attention sinks</source>
        <translation>注意力汇聚点</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="198"/>
        <source>StreamingLLM keeps the first tokens and counts positions in the cache.</source>
        <translation>StreamingLLM 保留开头的词元，并按缓存中的位置计数。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="201"/>
        <source>2D RoPE for images</source>
        <translation>用于图像的二维 RoPE</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="202"/>
        <source>EVA-02 turns half of each head by the patch&apos;s row, half by its column.</source>
        <translation>EVA-02 让每个头的一半按图块的行旋转，另一半按列旋转。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="205"/>
        <source>Llama 3 scaling</source>
        <translation>Llama 3 缩放</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="206"/>
        <source>Blend per wavelength: short kept, long divided by 8.</source>
        <translation>按波长混合：短波长保持不变，长波长除以 8。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="208"/>
        <source>Decoupled RoPE</source>
        <translation>解耦 RoPE</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="209"/>
        <source>DeepSeek-V2 rotates a separate slice beside a compressed latent.</source>
        <translation>DeepSeek-V2 在压缩潜变量之外另旋转一段通道。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="211"/>
        <source>CoPE</source>
        <translation>CoPE</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="212"/>
        <source>Positions counted by gates the context opens.</source>
        <translation>位置由上下文打开的门控计数得出。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="214"/>
        <source>M-RoPE</source>
        <translation>M-RoPE</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="215"/>
        <source>Qwen2-VL turns pairs by time, row and column ids.</source>
        <translation>Qwen2-VL 按时间、行、列编号旋转维度对。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="217"/>
        <source>iRoPE</source>
        <translation>iRoPE</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="218"/>
        <source>Llama 4 interleaves layers without RoPE among chunked RoPE layers.</source>
        <translation>Llama 4 在分块的 RoPE 层之间交错插入不用 RoPE 的层。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="220"/>
        <source>Learned sinks</source>
        <translation>学习得到的汇点</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="221"/>
        <source>gpt-oss gives each head a logit that soaks up attention.</source>
        <translation>gpt-oss 给每个头一个吸收注意力的 logit。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="223"/>
        <source>DroPE</source>
        <translation>DroPE</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/published_models.py" line="224"/>
        <source>RoPE as a training scaffold, removed after pretraining.</source>
        <translation>把 RoPE 当作训练用的脚手架，预训练后去掉。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="252"/>
        <source>Short texts, e.g. classification</source>
        <translation>短文本，例如分类</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="253"/>
        <source>Lengths stay under the table size; the table fits the task.</source>
        <translation>长度不超过表的大小；位置表贴合任务。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="254"/>
        <source>Long-text generation</source>
        <translation>长文本生成</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="255"/>
        <source>Relative by construction, no parameters, extendable context.</source>
        <translation>天然是相对位置，没有参数，上下文可扩展。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="256"/>
        <source>Relations between tokens matter most</source>
        <translation>最看重词元之间的关系</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="257"/>
        <source>The score sees the offset directly.</source>
        <translation>得分直接看到相对偏移。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="258"/>
        <source>As light as possible</source>
        <translation>尽可能轻量</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="259"/>
        <source>Nothing to store and a fixed bias to add.</source>
        <translation>无需存储任何东西，只需加一个固定偏置。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="260"/>
        <source>Broad compatibility, a baseline</source>
        <translation>兼容性广，用作基线</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="261"/>
        <source>Fixed, well known, in every textbook and library.</source>
        <translation>固定、广为人知，每本教材、每个库里都有。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="262"/>
        <source>Extending a trained RoPE model&apos;s context</source>
        <translation>扩展已训练 RoPE 模型的上下文</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="263"/>
        <source>Rescale the frequencies (PI, NTK, YaRN, Llama 3) and fine-tune briefly.</source>
        <translation>重新缩放频率（PI、NTK、YaRN、Llama 3），再简单微调。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="265"/>
        <source>Images or video</source>
        <translation>图像或视频</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="266"/>
        <source>2D or 3D sin-cos, or a learned grid resized to the new size.</source>
        <translation>二维或三维 sin-cos，或把可学习网格缩放到新尺寸。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="267"/>
        <source>Text with images or video in one sequence</source>
        <translation>同一序列中的文本与图像或视频</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="268"/>
        <source>Text keeps RoPE; patches get row, column and time positions.</source>
        <translation>文本保持 RoPE；图像块得到行、列和时间位置。</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="269"/>
        <source>A causal decoder, as an experiment</source>
        <translation>因果解码器，作为实验</translation>
    </message>
    <message>
        <location filename="../../posenc_gui/core/models.py" line="270"/>
        <source>The mask alone carries order; worth comparing against.</source>
        <translation>仅靠掩码携带顺序信息；值得拿来对比。</translation>
    </message>
</context>
</TS>
