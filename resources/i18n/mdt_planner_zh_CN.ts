<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="241" />
            <source>About MDT Planner</source>
            <translation>关于 MDT 规划助手</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="243" />
            <source>HCC MDT Planner %1</source>
            <translation>肝细胞癌 MDT 规划助手 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="246" />
            <source>Plans conversion therapy for advanced hepatocellular carcinoma with the multidisciplinary team: staging, regimen safety, response, surgery timing and signed decision records. It works offline; cases stay on this computer.</source>
            <translation>协助多学科团队（MDT）为中晚期肝细胞癌制定转化治疗方案：分期、方案安全性、疗效评估、手术时机及签署的决策记录。本程序离线运行，病例数据保存在本机。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="254" />
            <source>Every result names its source; the clinician may override any result with a reason, which is kept in the decision record.</source>
            <translation>每项结果均注明依据；临床医师可说明理由后更改任何结果，理由将保存在决策记录中。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="258" />
            <source>Rules file version: %1</source>
            <translation>规则文件版本：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="261" />
            <source>MDT Planner is released under the MIT licence. The PDF font WenQuanYi Micro Hei is used under the Apache License 2.0, and Qt for Python (PySide6) and Qt under the GNU Lesser General Public License version 3 (LGPLv3). Licences… shows their full texts.</source>
            <translation>MDT 规划助手以 MIT 许可证发布。PDF 字体文泉驿微米黑依 Apache 2.0 许可证使用，Qt（PySide6）依 GNU LGPL 第 3 版使用。点击“许可证…”查看全文。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="267" />
            <source>&amp;Licences…</source>
            <translation>许可证(&amp;L)…</translation>
        </message>
    </context>
    <context>
        <name>Accounts</name>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="115" />
            <source>e.g. Li Ming</source>
            <translation>例如 李明</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="122" />
            <source>&amp;Name</source>
            <translation>姓名(&amp;N)</translation>
            <location filename="../../desktop/ui/accounts.py" line="189" />
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="123" />
            <source>&amp;Role</source>
            <translation>角色(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="124" />
            <source>&amp;Password</source>
            <translation>密码(&amp;P)</translation>
            <location filename="../../desktop/ui/accounts.py" line="190" />
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="125" />
            <source>Password &amp;again</source>
            <translation>再次输入密码(&amp;A)</translation>
            <location filename="../../desktop/ui/accounts.py" line="298" />
            <location filename="../../desktop/ui/accounts.py" line="335" />
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="133" />
            <source>Please give a name and a role.</source>
            <translation>请填写姓名和角色。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="135" />
            <source>The password needs at least 8 characters.</source>
            <translation>密码至少需要 8 个字符。</translation>
            <location filename="../../desktop/ui/accounts.py" line="270" />
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="137" />
            <source>The two passwords differ: type them again.</source>
            <translation>两次输入的密码不一致：请重新输入。</translation>
            <location filename="../../desktop/ui/accounts.py" line="272" />
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="151" />
            <source>Create the first account</source>
            <translation>创建第一个账户</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="154" />
            <source>This database has no account yet. Create yours: your name and role are recorded with every change, and your password protects the database and your signature. There is no way to recover a forgotten password.</source>
            <translation>此数据库尚无账户。请创建您的账户：您的姓名和角色会随每次修改记录，您的密码保护数据库和您的签名。忘记的密码无法找回。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="166" />
            <source>Add a team member</source>
            <translation>添加团队成员</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="169" />
            <source>Give the new member's name, role and an initial password to tell them. They set their own password the first time they sign in or sign; only then do they get their signing key.</source>
            <translation>填写新成员的姓名、角色以及要告知对方的初始密码。对方在首次登录或签名时设置自己的密码；之后才会获得其签名密钥。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="198" />
            <source>Please give the name and the password.</source>
            <translation>请填写姓名和密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="213" />
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="214" />
            <source>Sign in with your name and password to open the MDT cases.</source>
            <translation>请输入姓名和密码登录，以打开 MDT 病例。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="223" />
            <source>Locked</source>
            <translation>已锁定</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="226" />
            <source>The planner was locked after a time without use; patient values are hidden. Type the password of {0} to go on.</source>
            <translation>程序因一段时间未使用而锁定；患者数据已隐藏。请输入 {0} 的密码以继续。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="238" />
            <source>Sign as {0}</source>
            <translation>以 {0} 的身份签名</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="241" />
            <source>Only {0} can sign as {0}: {0} types their own password now. An attendee who is not at the computer stays "present, not signed" and can sign later.</source>
            <translation>只有 {0} 本人能以 {0} 的身份签名：请 {0} 现在输入自己的密码。不在电脑前的出席者将记为“出席，未签署”，之后可以再签。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="256" />
            <source>Give a member access</source>
            <translation>给成员访问权限</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="259" />
            <source>These accounts existed before the database was encrypted and cannot open it yet: {0}. The member types their own name and password here; from then on they open the database with it. Nobody's password is changed.</source>
            <translation>以下账户在数据库加密之前已存在，目前还不能打开它：{0}。请该成员在此输入自己的姓名和密码；此后即可用该密码打开数据库。任何人的密码都不会被更改。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="262" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="285" />
            <source>Change your password</source>
            <translation>修改您的密码</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="288" />
            <source>{0}: type your current password, then the new one twice. Your signing key and the database key are locked again under the new password; the old one stops working.</source>
            <translation>{0}：请输入当前密码，再输入两次新密码。您的签名密钥和数据库密钥将改由新密码保护；旧密码随即失效。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="296" />
            <source>&amp;Current password</source>
            <translation>当前密码(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="297" />
            <source>New &amp;password</source>
            <translation>新密码(&amp;P)</translation>
            <location filename="../../desktop/ui/accounts.py" line="334" />
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="302" />
            <source>Please type your current password.</source>
            <translation>请输入您的当前密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="325" />
            <source>Set your own password</source>
            <translation>设置您自己的密码</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/accounts.py" line="328" />
            <source>{0}, your password was set by someone else. Choose your own now: it makes your signing key, which only you can use.</source>
            <translation>{0}，您的密码是由他人设置的。请现在设置您自己的密码：它将生成只有您能使用的签名密钥。</translation>
        </message>
    </context>
    <context>
        <name>AdjuvantStep</name>
        <message>
            <location filename="../../desktop/ui/step_adjuvant.py" line="32" />
            <source>Adjuvant plan of the decision</source>
            <translation>决策的辅助治疗计划</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_adjuvant.py" line="36" />
            <source>Use this option</source>
            <translation>采用此方案</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_adjuvant.py" line="48" />
            <source>Duration (months)</source>
            <translation>疗程（月）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_adjuvant.py" line="54" />
            <source>Stop rules and notes (recurrence, intolerable toxicity, whether pCR changed the plan)</source>
            <translation>停药规则与备注（复发、不可耐受的毒性、病理完全缓解（pCR）是否改变计划）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_adjuvant.py" line="62" />
            <source>No draft decision yet: choosing an option starts one.</source>
            <translation>尚无决策草稿：选择一个方案即新建草稿。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_adjuvant.py" line="95" />
            <source>Chosen: {0}</source>
            <translation>已选：{0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_adjuvant.py" line="97" />
            <source>The sealed decision holds no adjuvant plan.</source>
            <translation>已封存的决策中没有辅助治疗计划。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_adjuvant.py" line="99" />
            <source>No adjuvant option chosen yet.</source>
            <translation>尚未选择辅助治疗方案。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_adjuvant.py" line="126" />
            <source>offered</source>
            <translation>推荐</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_adjuvant.py" line="127" />
            <source>not recommended</source>
            <translation>不推荐</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_adjuvant.py" line="128" />
            <source>no recommendation in the review</source>
            <translation>综述未作推荐</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_adjuvant.py" line="133" />
            <source>Duration: {0} months</source>
            <translation>疗程：{0} 个月</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_adjuvant.py" line="135" />
            <source>Duration: not fixed by the evidence</source>
            <translation>疗程：现有证据未规定</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_adjuvant.py" line="138" />
            <source>Stop: {0}</source>
            <translation>停药：{0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_adjuvant.py" line="141" />
            <source>ref {0} ({1}{2}): {3}</source>
            <translation>文献 {0}（{1}{2}）：{3}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_adjuvant.py" line="149" />
            <source>Evidence</source>
            <translation>证据</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_adjuvant.py" line="149" />
            <source>For this case</source>
            <translation>本病例</translation>
        </message>
    </context>
    <context>
        <name>Agenda</name>
        <message>
            <location filename="../../desktop/ui/agenda_model.py" line="45" />
            <source>ready</source>
            <translation>已就绪</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda_model.py" line="48" />
            <source>%1 missing</source>
            <translation>缺 %1 项</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda_model.py" line="50" />
            <source>%1 stale</source>
            <translation>%1 项过期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda_model.py" line="112" />
            <source>#</source>
            <translation>序号</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda_model.py" line="113" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda_model.py" line="114" />
            <source>MRN</source>
            <translation>病历号</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda_model.py" line="115" />
            <source>Stage</source>
            <translation>分期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda_model.py" line="116" />
            <source>Question to the MDT</source>
            <translation>提交 MDT 讨论的问题</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda_model.py" line="117" />
            <source>Before the meeting</source>
            <translation>会前待办</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda_model.py" line="118" />
            <source>Discussed</source>
            <translation>已讨论</translation>
        </message>
    </context>
    <context>
        <name>AgendaView</name>
        <message>
            <location filename="../../desktop/ui/agenda.py" line="85" />
            <location filename="../../desktop/ui/agenda.py" line="126" />
            <source>Meeting on</source>
            <translation>会议日期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda.py" line="98" />
            <source>Cases on the agenda</source>
            <translation>议程中的病例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda.py" line="116" />
            <source>Before the meeting</source>
            <translation>会前待办</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda.py" line="127" />
            <source>Meetings on record</source>
            <translation>已记录的会议</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda.py" line="154" />
            <source>&amp;Add cases…</source>
            <translation>添加病例(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda.py" line="155" />
            <source>Move &amp;up</source>
            <translation>上移(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda.py" line="156" />
            <source>Move do&amp;wn</source>
            <translation>下移(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda.py" line="157" />
            <source>&amp;Remove</source>
            <translation>移除(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda.py" line="158" />
            <source>Mark &amp;discussed</source>
            <translation>标记为已讨论(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda.py" line="159" />
            <source>&amp;Carry over undiscussed…</source>
            <translation>顺延未讨论病例(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda.py" line="160" />
            <source>&amp;Open case</source>
            <translation>打开病例(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda.py" line="161" />
            <source>&amp;Present (F5)</source>
            <translation>演示(&amp;P)（F5）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda.py" line="162" />
            <source>E&amp;xport meeting pack…</source>
            <translation>导出会议资料包(&amp;X)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda.py" line="220" />
            <source>%1 cases, %2 ready, %3 discussed</source>
            <translation>共 %1 例，%2 例已就绪，%3 例已讨论</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda.py" line="230" />
            <source>Before the meeting: select a case</source>
            <translation>会前待办：请选择一个病例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda.py" line="233" />
            <source>Before the meeting: %1</source>
            <translation>会前待办：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda.py" line="236" />
            <source>Nothing missing or stale.</source>
            <translation>无缺项，无过期数据。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda.py" line="290" />
            <source>Carried over</source>
            <translation>已顺延</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda.py" line="291" />
            <source>%1 undiscussed case(s) moved to %2.</source>
            <translation>%1 例未讨论病例已顺延至 %2。</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../desktop/ui/app.py" line="173" />
            <source>The start-up backup failed: %1</source>
            <translation>启动时备份失败：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/app.py" line="240" />
            <source>Cannot open the database</source>
            <translation>无法打开数据库</translation>
        </message>
    </context>
    <context>
        <name>AutoSaver</name>
        <message>
            <location filename="../../desktop/ui/autosave.py" line="112" />
            <source>Reapply my edits</source>
            <translation>重新应用我的修改</translation>
        </message>
    </context>
    <context>
        <name>BusyDatabaseDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="150" />
            <source>The case database is in use</source>
            <translation>病例数据库正在使用中</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="151" />
            <source>Another MDT Planner window or program is using this database.</source>
            <translation>另一个 MDT 规划助手窗口或程序正在使用此数据库。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="153" />
            <source>File: %1</source>
            <translation>文件：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="158" />
            <source>You can open it read-only: you can read and present cases, but not change them. Close the other window to work normally.</source>
            <translation>可以只读方式打开：能查看和演示病例，但不能修改。关闭另一个窗口后即可正常工作。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="163" />
            <source>Open read-only</source>
            <translation>以只读方式打开</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="165" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
    </context>
    <context>
        <name>CarryOverDialog</name>
        <message>
            <location filename="../../desktop/ui/agenda_dialogs.py" line="71" />
            <source>Carry over undiscussed cases</source>
            <translation>顺延未讨论病例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda_dialogs.py" line="72" />
            <source>Move the cases not yet discussed to the meeting on:</source>
            <translation>将尚未讨论的病例顺延到以下日期的会议：</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda_dialogs.py" line="98" />
            <source>Type the date of the meeting, YYYY-MM-DD.</source>
            <translation>请输入会议日期，格式 YYYY-MM-DD。</translation>
        </message>
    </context>
    <context>
        <name>CaseActions</name>
        <message>
            <location filename="../../desktop/ui/main_actions.py" line="107" />
            <source>Demonstration cases</source>
            <translation>演示病例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_actions.py" line="126" />
            <source>Import case files</source>
            <translation>导入病例文件</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_actions.py" line="128" />
            <source>Case files (*.json)</source>
            <translation>病例文件 (*.json)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/main_actions.py" line="141" />
            <source>Importing %n file(s)…</source>
            <translation>
                <numerusform>正在导入 %n 个文件…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_actions.py" line="142" />
            <source>Import failed</source>
            <translation>导入失败</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_actions.py" line="147" />
            <location filename="../../desktop/ui/main_actions.py" line="187" />
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_actions.py" line="148" />
            <source>MRN {0} exists ({1}). The file {2} holds a case with this MRN.</source>
            <translation>病历号 {0} 已存在（{1}）。文件 {2} 中的病例使用同一病历号。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_actions.py" line="153" />
            <source>Add as a new revision</source>
            <translation>作为新版本添加</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_actions.py" line="154" />
            <source>Skip</source>
            <translation>跳过</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/main_actions.py" line="179" />
            <source>%n case(s) imported.</source>
            <translation>
                <numerusform>已导入 %n 例病例。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_actions.py" line="181" />
            <source>MRN on file: {0} added as a new revision, {1} skipped.</source>
            <translation>病历号已存在：{0} 例作为新版本添加，{1} 例跳过。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_actions.py" line="188" />
            <source>Some files were refused.</source>
            <translation>部分文件被拒绝。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_actions.py" line="202" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_actions.py" line="203" />
            <source>Select the cases to export in the case list first.</source>
            <translation>请先在病例列表中选择要导出的病例。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_actions.py" line="207" />
            <source>Export to folder</source>
            <translation>导出到文件夹</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/main_actions.py" line="220" />
            <source>Exporting %n case(s)…</source>
            <translation>
                <numerusform>正在导出 %n 例病例…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_actions.py" line="221" />
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/main_actions.py" line="225" />
            <source>%n case file(s) written.</source>
            <translation>
                <numerusform>已写入 %n 个病例文件。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CaseList</name>
        <message>
            <location filename="../../desktop/ui/case_list_model.py" line="123" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list_model.py" line="124" />
            <source>MRN</source>
            <translation>病历号</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list_model.py" line="49" />
            <source>New</source>
            <translation>新建</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list_model.py" line="50" />
            <source>Draft decision</source>
            <translation>决策草稿</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list_model.py" line="51" />
            <source>Follow-up</source>
            <translation>随访</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list_model.py" line="52" />
            <source>Decided</source>
            <translation>已决策</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list_model.py" line="125" />
            <source>BCLC</source>
            <translation>BCLC分期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list_model.py" line="126" />
            <source>CNLC</source>
            <translation>CNLC分期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list_model.py" line="127" />
            <source>Child-Pugh</source>
            <translation>Child-Pugh分级</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list_model.py" line="128" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list_model.py" line="129" />
            <source>Next meeting</source>
            <translation>下次会议</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list_model.py" line="130" />
            <source>Last change</source>
            <translation>最后修改</translation>
        </message>
    </context>
    <context>
        <name>CaseListView</name>
        <message>
            <location filename="../../desktop/ui/case_list.py" line="143" />
            <source>&amp;Clear the filter</source>
            <translation>清除筛选(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list.py" line="155" />
            <source>Filter by name, pinyin or MRN (Ctrl+F)</source>
            <translation>按姓名、拼音或病历号筛选（Ctrl+F）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list.py" line="158" />
            <source>All BCLC</source>
            <translation>全部 BCLC 分期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list.py" line="159" />
            <source>All CNLC</source>
            <translation>全部 CNLC 分期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list.py" line="160" />
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list.py" line="161" />
            <location filename="../../desktop/ui/case_list.py" line="165" />
            <source>Changed since</source>
            <translation>修改日期不早于</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list.py" line="173" />
            <source>BCLC</source>
            <translation>BCLC分期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list.py" line="175" />
            <source>CNLC</source>
            <translation>CNLC分期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list.py" line="177" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list.py" line="197" />
            <source>Cases</source>
            <translation>病例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list.py" line="218" />
            <source>&amp;New case…</source>
            <translation>新建病例(&amp;N)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list.py" line="219" />
            <source>&amp;Import…</source>
            <translation>导入(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list.py" line="220" />
            <source>E&amp;xport…</source>
            <translation>导出(&amp;X)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list.py" line="221" />
            <source>&amp;Duplicate</source>
            <translation>复制(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list.py" line="222" />
            <source>&amp;Open</source>
            <translation>打开(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list.py" line="285" />
            <source>changed since %1</source>
            <translation>%1 以来有修改</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/case_list.py" line="287" />
            <source>Filter active: %1</source>
            <translation>筛选中：%1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/case_list.py" line="353" />
            <source>%n case(s)</source>
            <translation>
                <numerusform>共 %n 例</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CasePickerDialog</name>
        <message>
            <location filename="../../desktop/ui/agenda_dialogs.py" line="34" />
            <source>Add cases to the agenda</source>
            <translation>向议程添加病例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/agenda_dialogs.py" line="37" />
            <source>Filter by name or MRN</source>
            <translation>按姓名或病历号筛选</translation>
        </message>
    </context>
    <context>
        <name>CaseWorkspace</name>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="151" />
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="57" />
            <source>Regimen</source>
            <translation>治疗方案</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="55" />
            <source>Patient and liver function</source>
            <translation>患者与肝功能</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="56" />
            <source>Tumour and staging</source>
            <translation>肿瘤与分期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="58" />
            <source>Response and timing</source>
            <translation>疗效与手术时机</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="59" />
            <source>Adjuvant plan</source>
            <translation>辅助治疗计划</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="60" />
            <source>Decision</source>
            <translation>决策</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="65" />
            <source>complete</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="65" />
            <source>incomplete</source>
            <translation>未完成</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="65" />
            <source>stale</source>
            <translation>已过期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="150" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="179" />
            <source>Reload theirs and reapply my edits</source>
            <translation>载入对方版本并重新应用我的修改</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="181" />
            <source>Save mine as a new revision anyway</source>
            <translation>仍将我的版本保存为新修订</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="196" />
            <source>Start an amendment</source>
            <translation>开始修订</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="217" />
            <source>Read-only: the decision of the meeting of {0} was sealed on {1}. A sealed record never changes; to correct or add anything, start an amendment (a new draft that names the sealed record).</source>
            <translation>只读：{0} 会议的决策已于 {1} 封存。封存的记录不可更改；如需更正或补充，请开始修订（新建一份注明所修订记录的草稿）。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="236" />
            <source>Rules version {0}.</source>
            <translation>规则版本 {0}。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="294" />
            <source>{0}: {1} to do</source>
            <translation>{0}：尚有 {1} 项</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="313" />
            <source>unsaved: fix {0} field(s)</source>
            <translation>未保存：请修正 {0} 个字段</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="318" />
            <source>Unsaved changes…</source>
            <translation>有未保存的修改…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="321" />
            <source>Saved as revision {0}</source>
            <translation>已保存为第 {0} 版</translation>
            <location filename="../../desktop/ui/workspace.py" line="351" />
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="326" />
            <source>Your edits are kept here until you choose.</source>
            <translation>在您作出选择前，您的修改会保留在此。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="331" />
            <source>Not saved: {0}</source>
            <translation>未保存：{0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/workspace.py" line="338" />
            <source>Your edits do not fit the newer revision:</source>
            <translation>您的修改与较新的修订版本不相容：</translation>
        </message>
    </context>
    <context>
        <name>DamagedDatabaseDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="118" />
            <source>The case database is damaged</source>
            <translation>病例数据库已损坏</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="119" />
            <source>The case database cannot be opened: it is damaged.</source>
            <translation>病例数据库已损坏，无法打开。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="120" />
            <source>File: %1</source>
            <translation>文件：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="123" />
            <source>Restoring copies the newest good backup (%1) into place. The damaged file is kept beside it under a new name; nothing is deleted or overwritten.</source>
            <translation>恢复将用最新的完好备份（%1）替换数据库。损坏的文件会改名保留在同一文件夹中，不会删除或覆盖任何文件。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="128" />
            <source>No good backup was found. The damaged file was not touched; ask your IT department to recover it, or start with another database (--db PATH).</source>
            <translation>未找到完好的备份。损坏的文件未被改动；请联系信息科恢复，或使用另一个数据库启动（--db 路径）。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="135" />
            <source>Restore the newest backup</source>
            <translation>恢复最新备份</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="137" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
    </context>
    <context>
        <name>DateInput</name>
        <message>
            <location filename="../../desktop/ui/date_input.py" line="38" />
            <source>{0}: “{1}” is not a date; write it YYYY-MM-DD, e.g. 2026-06-01</source>
            <translation>{0}：“{1}”不是日期；请按 YYYY-MM-DD 格式填写，例如 2026-06-01</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/date_input.py" line="46" />
            <source>{0}: {1} is not a day of the calendar; check the month and the day</source>
            <translation>{0}：{1} 不是有效的日历日期；请核对月份和日期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/date_input.py" line="76" />
            <source>Pick the day in a calendar</source>
            <translation>在日历中选择日期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/date_input.py" line="77" />
            <source>Calendar for {0}</source>
            <translation>{0}的日历</translation>
        </message>
    </context>
    <context>
        <name>DecisionStep</name>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="66" />
            <source>Start a draft decision</source>
            <translation>新建决策草稿</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="68" />
            <source>Amend the final decision</source>
            <translation>修订最终决策</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="70" />
            <source>Sign off and finalize…</source>
            <translation>签署并定稿…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="81" />
            <source>Meeting date</source>
            <translation>会议日期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="85" />
            <source>Follow-up status</source>
            <translation>随访状态</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="92" />
            <source>Follow-up reason (when not done)</source>
            <translation>未随访原因（未完成时填写）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="96" />
            <source>Question to the MDT</source>
            <translation>提交 MDT 讨论的问题</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="99" />
            <source>Recommendation</source>
            <translation>MDT 建议</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="101" />
            <source>Dissent</source>
            <translation>不同意见</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="103" />
            <source>Reopen conditions (one per line)</source>
            <translation>重新讨论的条件（每行一条）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="119" />
            <source>Attendees and roles</source>
            <translation>参会人员及职责</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="123" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="123" />
            <source>Role</source>
            <translation>职责</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="134" />
            <source>Remove the selected attendee</source>
            <translation>删除所选参会者</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="137" />
            <source>Signatures</source>
            <translation>签名</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="141" />
            <source>Sign as this attendee</source>
            <translation>以该参会人员身份签名</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="143" />
            <source>Sign the final record</source>
            <translation>签署最终记录</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="167" />
            <source>Start a draft decision first.</source>
            <translation>请先新建决策草稿。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="177" />
            <source>Select the attendee to remove in the table first.</source>
            <translation>请先在表格中选择要删除的参会者。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="185" />
            <source>Add the attendees first, then sign as one of them.</source>
            <translation>请先添加参会人员，再以其中一人身份签名。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="220" />
            <source>A final decision needs at least one signature.</source>
            <translation>最终决策至少需要一个签名。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="232" />
            <source>The draft could not be saved first; fix the fields marked in red or resolve the save conflict.</source>
            <translation>草稿无法先行保存；请修正标红的字段或解决保存冲突。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="248" />
            <source>Choose the attendee who signs.</source>
            <translation>请选择签名的出席者。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="255" />
            <source>Not signed.</source>
            <translation>未签名。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="265" />
            <source>There is no final decision to amend.</source>
            <translation>没有可修订的最终决策。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="313" />
            <source>Draft decision for the meeting of {0}</source>
            <translation>{0} 会议的决策草稿</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="317" />
            <source>Final decision of {0}: sealed, read-only</source>
            <translation>{0} 的最终决策：已封存，只读</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="321" />
            <source>No decision yet for this case.</source>
            <translation>此病例尚无决策。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_decision.py" line="343" />
            <source>No signature yet.</source>
            <translation>尚无签名。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/decision_people.py" line="33" />
            <source>name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/decision_people.py" line="34" />
            <source>role</source>
            <translation>职责</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/decision_people.py" line="36" />
            <source>Add attendee</source>
            <translation>添加参会人员</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/decision_summary.py" line="26" />
            <source>Override {0}: computed {1}, chosen {2} — {3}</source>
            <translation>更改 {0}：计算结果 {1}，采用 {2} — {3}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/decision_summary.py" line="36" />
            <source>BCLC {0} · CNLC {1} · Child-Pugh {2}</source>
            <translation>BCLC {0} · CNLC {1} · Child-Pugh {2}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/decision_summary.py" line="44" />
            <source>Regimen: {0}</source>
            <translation>治疗方案：{0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/decision_summary.py" line="48" />
            <source>Regimen: {0} ({1} for this case)</source>
            <translation>方案：{0}（本病例：{1}）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/decision_summary.py" line="62" />
            <source>What the record will show</source>
            <translation>决策记录将包含的内容</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/decision_summary.py" line="63" />
            <source>Decision records of this case</source>
            <translation>本病例的决策记录</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/finalize_reason.py" line="39" />
            <source>Finalize with items missing?</source>
            <translation>在项目缺失的情况下定稿？</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/finalize_reason.py" line="43" />
            <source>These items are missing:
{0}

Finalizing seals the record; it can only be amended afterwards. Say why the MDT decides without them (kept in the record):</source>
            <translation>以下项目缺失：
{0}

定稿将封存记录，之后只能修订。请说明 MDT 为何在缺少这些项目时作出决策（将保存在记录中）：</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/finalize_reason.py" line="52" />
            <source>Reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/finalize_reason.py" line="83" />
            <source>Finalize the decision?</source>
            <translation>确定定稿此决策？</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/finalize_reason.py" line="85" />
            <source>Finalizing seals this decision record with its signatures. It can never be changed afterwards, only amended by a new record. Finalize now?</source>
            <translation>定稿后，此决策记录将连同签名一起封存，此后不能再修改，只能以新记录进行修订。现在定稿吗？</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/finalize_reason.py" line="96" />
            <source>Items are missing ({0}); finalizing needs the reason the MDT decides without them.</source>
            <translation>有 {0} 项缺失；定稿需要说明 MDT 在缺少这些项目时作出决策的理由。</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="197" />
            <source>Follow-up</source>
            <translation>随访</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="40" />
            <source>hepatobiliary surgeon</source>
            <translation>肝胆外科医师</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="41" />
            <source>medical oncologist</source>
            <translation>肿瘤内科医师</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="42" />
            <source>interventional radiologist</source>
            <translation>介入科医师</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="43" />
            <source>radiologist</source>
            <translation>影像科医师</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="44" />
            <source>radiation oncologist</source>
            <translation>放疗科医师</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="45" />
            <source>hepatologist</source>
            <translation>肝病科医师</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="46" />
            <source>pathologist</source>
            <translation>病理科医师</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="47" />
            <source>MDT coordinator</source>
            <translation>MDT 协调员</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="48" />
            <source>nurse specialist</source>
            <translation>专科护士</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="53" />
            <source>Decision support: it does not replace the clinical judgement of the MDT.</source>
            <translation>本程序仅为决策辅助，不能替代 MDT 的临床判断。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="182" />
            <source>New case</source>
            <translation>新建病例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="183" />
            <source>Import case files</source>
            <translation>导入病例文件</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="184" />
            <source>Export the selected cases</source>
            <translation>导出所选病例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="185" />
            <source>Export the PDF summary of the current case</source>
            <translation>导出当前病例的 PDF 摘要</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="188" />
            <source>Print the summary of the current case</source>
            <translation>打印当前病例的摘要</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="190" />
            <source>Duplicate the current case</source>
            <translation>复制当前病例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="191" />
            <source>Filter the case list</source>
            <translation>筛选病例列表</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="192" />
            <source>Down, then Enter</source>
            <translation>下方向键，然后回车</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="192" />
            <source>From the filter to the list, then open the case</source>
            <translation>从筛选框进入列表，然后打开病例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="193" />
            <source>Undo the last edit</source>
            <translation>撤销上一次修改</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="194" />
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="195" />
            <source>Case list</source>
            <translation>病例列表</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="196" />
            <source>Meeting agenda</source>
            <translation>会议议程</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="198" />
            <source>Step 1 to 6 of the open case</source>
            <translation>当前病例的第 1 至 6 步</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="199" />
            <source>Close the open case</source>
            <translation>关闭当前病例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="200" />
            <source>Lock now: hide patient values until the password is given</source>
            <translation>立即锁定：输入密码前隐藏患者数据</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="201" />
            <source>Present the agenda full screen</source>
            <translation>全屏演示会议议程</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="202" />
            <source>Right, Down, Page Down, Space</source>
            <translation>右、下、Page Down、空格</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="202" />
            <source>Presentation: next case</source>
            <translation>演示：下一例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="203" />
            <source>Left, Up, Page Up</source>
            <translation>左、上、Page Up</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="203" />
            <source>Presentation: previous case</source>
            <translation>演示：上一例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="204" />
            <source>Home, End</source>
            <translation>Home、End</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="204" />
            <source>Presentation: first or last case</source>
            <translation>演示：第一例或最后一例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="205" />
            <source>Leave the presentation</source>
            <translation>退出演示</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="206" />
            <source>This list of keyboard shortcuts</source>
            <translation>本快捷键列表</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="207" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="371" />
            <source>Load demonstration cases?</source>
            <translation>载入演示病例？</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="373" />
            <source>The case database is empty. Load ten demonstration cases to try the planner? The patients are fictional; their MRNs start with H-00.</source>
            <translation>病例数据库为空。是否载入十个演示病例试用本程序？这些患者均为虚构，病历号以 H-00 开头。</translation>
        </message>
    </context>
    <context>
        <name>DuplicateDialog</name>
        <message>
            <location filename="../../desktop/ui/duplicate.py" line="48" />
            <source>Duplicate case</source>
            <translation>复制病例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/duplicate.py" line="56" />
            <source>A new case is started from the findings of {0} ({1}). Decision records are not copied. Whose case is the copy?</source>
            <translation>将以 {0}（{1}）的检查结果新建一个病例，决策记录不会复制。副本属于哪位患者？</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/duplicate.py" line="63" />
            <location filename="../../desktop/ui/duplicate.py" line="67" />
            <source>MRN of the new case</source>
            <translation>新病例的病历号</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/duplicate.py" line="64" />
            <location filename="../../desktop/ui/duplicate.py" line="68" />
            <source>Name of the new case</source>
            <translation>新病例的姓名</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/duplicate.py" line="94" />
            <source>MRN {0} is already on file for {1}; type the new patient's MRN.</source>
            <translation>病历号 {0} 已属于 {1}；请输入新患者的病历号。</translation>
        </message>
    </context>
    <context>
        <name>ExportOptionsDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="324" />
            <source>&amp;De-identify</source>
            <translation>去标识化(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="325" />
            <source>Include &amp;free text, redacted</source>
            <translation>包含自由文本（已遮蔽）(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="326" />
            <source>De-identify &amp;attendees</source>
            <translation>参会者去标识(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="332" />
            <source>A de-identified document holds no name, MRN or birth date, in its text or its metadata; a stable pseudonym stands in for the patient. Free text is left out unless you include it; it is then redacted. An archive bundle lists what was removed.</source>
            <translation>去标识化文档的正文和元数据中均不含姓名、病历号或出生日期，以固定的化名代表患者。自由文本默认省略；如选择包含，则先遮蔽患者标识。删除的内容在存档包中列出。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="342" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
    </context>
    <context>
        <name>FollowUp</name>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="142" />
            <source>overdue %n day(s)</source>
            <translation>已逾期 %n 天</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="172" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="173" />
            <source>MRN</source>
            <translation>病历号</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="175" />
            <source>Follow-up</source>
            <translation>随访</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="127" />
            <source>planned</source>
            <translation>已计划</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="128" />
            <source>ongoing</source>
            <translation>进行中</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="129" />
            <source>completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="130" />
            <source>not done</source>
            <translation>未进行</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="132" />
            <source>not set</source>
            <translation>未设定</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="174" />
            <source>Decided on</source>
            <translation>决策日期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="176" />
            <source>Next restaging</source>
            <translation>下次复查</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="177" />
            <source>Re-discuss?</source>
            <translation>需重新讨论？</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="178" />
            <source>Recommendation</source>
            <translation>MDT 建议</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="212" />
            <source>yes: new data</source>
            <translation>是：有新数据</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="212" />
            <source>no</source>
            <translation>否</translation>
        </message>
    </context>
    <context>
        <name>FollowUpView</name>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="245" />
            <source>Only cases to re-discuss</source>
            <translation>仅显示需重新讨论的病例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="248" />
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="257" />
            <source>Decisions in follow-up</source>
            <translation>随访中的决策</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="283" />
            <source>Reading decisions…</source>
            <translation>正在读取决策…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="304" />
            <source>%1 decisions in follow-up, %2 to re-discuss, %3 restaging overdue</source>
            <translation>随访中决策 %1 项，需重新讨论 %2 项，逾期未复查 %3 项</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="314" />
            <source>Could not read the decisions: %1</source>
            <translation>无法读取决策：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="319" />
            <source>Select a case to see why it may need re-discussion.</source>
            <translation>选择一个病例，查看其可能需要重新讨论的原因。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/follow_up.py" line="324" />
            <source>No new data since the decision of %1.</source>
            <translation>自 %1 决策以来无新数据。</translation>
        </message>
    </context>
    <context>
        <name>Forms</name>
        <message>
            <location filename="../../desktop/ui/forms.py" line="369" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms.py" line="64" />
            <source>{0}: “{1}” is not a number; type digits such as 41 or 1.05</source>
            <translation>{0}：“{1}”不是数字；请输入数字，例如 41 或 1.05</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms.py" line="70" />
            <source>{0}: {1} must be a whole number</source>
            <translation>{0}：{1} 必须为整数</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms.py" line="337" />
            <source>— not recorded</source>
            <translation>— 未记录</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms.py" line="369" />
            <source>yes</source>
            <translation>是</translation>
        </message>
    </context>
    <context>
        <name>HistoryForm</name>
        <message>
            <location filename="../../desktop/ui/history_form.py" line="40" />
            <source>Major surgery within 28 days</source>
            <translation>28 天内大手术</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/history_form.py" line="49" />
            <source>Active autoimmune disease</source>
            <translation>活动性自身免疫性疾病</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/history_form.py" line="50" />
            <source>Organ transplant</source>
            <translation>器官移植史</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/history_form.py" line="51" />
            <source>Uncontrolled hypertension</source>
            <translation>未控制的高血压</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/history_form.py" line="52" />
            <source>Urine protein (g/24 h)</source>
            <translation>24 小时尿蛋白（g/24 h）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/history_form.py" line="80" />
            <source>Safety history (the regimen checks read these)</source>
            <translation>安全性相关病史（方案核查需要）</translation>
        </message>
    </context>
    <context>
        <name>LicencesDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="284" />
            <source>Licences</source>
            <translation>许可证</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="287" />
            <source>MDT Planner (MIT)</source>
            <translation>MDT 规划助手（MIT）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="288" />
            <source>PDF font (Apache 2.0)</source>
            <translation>PDF 字体（Apache 2.0）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="289" />
            <source>Qt for Python (LGPLv3)</source>
            <translation>Qt（PySide6，LGPL 第 3 版）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="290" />
            <source>GNU GPL version 3</source>
            <translation>GNU GPL 第 3 版</translation>
        </message>
    </context>
    <context>
        <name>MainMenus</name>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="57" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="58" />
            <source>&amp;Settings</source>
            <translation>设置(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="59" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="61" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>快捷键(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="63" />
            <source>&amp;About MDT Planner</source>
            <translation>关于 MDT 规划助手(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="86" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="87" />
            <source>&amp;New case…</source>
            <translation>新建病例(&amp;N)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="89" />
            <source>&amp;Import case files…</source>
            <translation>导入病例文件(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="92" />
            <source>&amp;Export selected cases…</source>
            <translation>导出所选病例(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="95" />
            <source>Export &amp;PDF summary…</source>
            <translation>导出 PDF 摘要(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="98" />
            <source>&amp;Print the summary…</source>
            <translation>打印摘要(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="101" />
            <source>Export &amp;archive bundle…</source>
            <translation>导出归档包(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="104" />
            <source>&amp;Duplicate case</source>
            <translation>复制病例(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="107" />
            <source>Load &amp;demonstration cases</source>
            <translation>载入演示病例(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="109" />
            <source>&amp;Close case</source>
            <translation>关闭病例(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="110" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="130" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="131" />
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="133" />
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="141" />
            <source>&amp;Cases</source>
            <translation>病例(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="142" />
            <source>Meeting &amp;agenda</source>
            <translation>会议议程(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="143" />
            <source>&amp;Follow-up</source>
            <translation>随访(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="150" />
            <source>Step &amp;%1 of the open case</source>
            <translation>当前病例第 %1 步(&amp;%1)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="158" />
            <source>&amp;Present the agenda</source>
            <translation>演示会议议程(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="161" />
            <source>&amp;Who is working…</source>
            <translation>当前使用者(&amp;W)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="163" />
            <source>&amp;Department name…</source>
            <translation>科室名称(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="167" />
            <source>&amp;Stale after how many days…</source>
            <translation>数据过期天数(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="170" />
            <source>&amp;Rules file…</source>
            <translation>规则文件(&amp;R)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_menu.py" line="171" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="119" />
            <source>Cases</source>
            <translation>病例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="121" />
            <location filename="../../desktop/ui/main_window.py" line="226" />
            <source>Meeting agenda</source>
            <translation>会议议程</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="122" />
            <location filename="../../desktop/ui/main_window.py" line="238" />
            <source>Follow-up</source>
            <translation>随访</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="175" />
            <source>MDT Planner</source>
            <translation>MDT 规划助手</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="177" />
            <source>read-only</source>
            <translation>只读</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="183" />
            <source>Working: %1 (%2)</source>
            <translation>当前使用者：%1（%2）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="185" />
            <source>Working: —</source>
            <translation>当前使用者：—</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="189" />
            <source>(read-only)</source>
            <translation>（只读）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="202" />
            <source>Rules %1 (shipped): the department's file is unusable</source>
            <translation>规则 %1（随软件提供）：本科室规则文件无法使用</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="207" />
            <source>Rules %1 (department's)</source>
            <translation>规则 %1（本科室）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="209" />
            <source>Rules %1 (shipped)</source>
            <translation>规则 %1（随软件提供）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="212" />
            <source>Settings → Rules file…</source>
            <translation>设置 → 规则文件…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="277" />
            <location filename="../../desktop/ui/main_window.py" line="286" />
            <source>Cannot open the case</source>
            <translation>无法打开病例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="278" />
            <source>The case workspace is not available in this build.</source>
            <translation>此版本不提供病例工作区。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="337" />
            <source>Not saved</source>
            <translation>未保存</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="339" />
            <source>The last edit of this case could not be saved. Close it anyway and lose that edit?</source>
            <translation>此病例的最后一次修改未能保存。仍要关闭并放弃该修改吗？</translation>
        </message>
    </context>
    <context>
        <name>NewCaseDialog</name>
        <message>
            <location filename="../../desktop/ui/new_case.py" line="48" />
            <source>New case</source>
            <translation>新建病例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_case.py" line="60" />
            <source>MRN</source>
            <translation>病历号</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_case.py" line="61" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_case.py" line="62" />
            <source>Assessed on (date of the labs)</source>
            <translation>评估日期（化验日期）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_case.py" line="68" />
            <source>ECOG</source>
            <translation>ECOG评分</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_case.py" line="71" />
            <source>Bilirubin</source>
            <translation>总胆红素</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_case.py" line="74" />
            <source>Albumin</source>
            <translation>白蛋白</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_case.py" line="76" />
            <source>INR</source>
            <translation>INR</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_case.py" line="80" />
            <source>Ascites</source>
            <translation>腹水</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_case.py" line="86" />
            <source>Encephalopathy</source>
            <translation>肝性脑病</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_case.py" line="90" />
            <source>Nodules, longest diameter (cm)</source>
            <translation>结节最大径（cm）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_case.py" line="92" />
            <source>e.g. 8.5, 2.0</source>
            <translation>例如：8.5, 2.0</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_case.py" line="96" />
            <source>Portal vein invasion</source>
            <translation>门静脉侵犯</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_case.py" line="102" />
            <source>Extrahepatic spread</source>
            <translation>肝外转移</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_case.py" line="103" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_case.py" line="103" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_case.py" line="116" />
            <source>The fields every case needs. Everything else is entered in the case workspace afterwards.</source>
            <translation>每个病例都必须填写的字段。其余信息稍后在病例工作区中录入。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_case.py" line="157" />
            <source>— choose —</source>
            <translation>— 请选择 —</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/new_case.py" line="229" />
            <source>MRN {0} is already on file for {1}: open that case from the list, or correct the MRN.</source>
            <translation>病历号 {0} 已属于 {1}：请从列表中打开该病例，或更正病历号。</translation>
        </message>
    </context>
    <context>
        <name>PatientStep</name>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="51" />
            <source>Child-Pugh (Pugh, Br J Surg 1973)</source>
            <translation>Child-Pugh分级（Pugh，Br J Surg 1973）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="52" />
            <source>ALBI / mALBI (Johnson 2015; Hiraoka 2017)</source>
            <translation>ALBI / mALBI分级（Johnson 2015；Hiraoka 2017）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="53" />
            <source>MELD / MELD-Na (OPTN 2016)</source>
            <translation>MELD / MELD-Na评分（OPTN 2016）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="60" />
            <source>Patient</source>
            <translation>患者</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="62" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="63" />
            <source>Medical record number (MRN)</source>
            <translation>病历号</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="66" />
            <source>Sex</source>
            <translation>性别</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="67" />
            <source>Birth date</source>
            <translation>出生日期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="73" />
            <source>Labs and assessment dated</source>
            <translation>化验及评估日期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="74" />
            <source>Aetiology</source>
            <translation>病因</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="78" />
            <source>Laboratory values</source>
            <translation>实验室检查</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="80" />
            <source>Total bilirubin</source>
            <translation>总胆红素</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="81" />
            <source>Albumin</source>
            <translation>白蛋白</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="82" />
            <source>Creatinine</source>
            <translation>血肌酐</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="83" />
            <source>Sodium</source>
            <translation>血钠</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="84" />
            <source>Platelets</source>
            <translation>血小板</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="85" />
            <source>ALT</source>
            <translation>ALT</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="86" />
            <source>AST</source>
            <translation>AST</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="87" />
            <source>AFP</source>
            <translation>AFP</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="88" />
            <source>PIVKA-II</source>
            <translation>PIVKA-II</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="91" />
            <source>INR</source>
            <translation>INR</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="121" />
            <source>Liver</source>
            <translation>肝脏</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="123" />
            <source>Ascites</source>
            <translation>腹水</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="125" />
            <source>Encephalopathy</source>
            <translation>肝性脑病</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="129" />
            <source>Varices</source>
            <translation>静脉曲张</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="136" />
            <source>Variceal bleeding within 6 months</source>
            <translation>6个月内静脉曲张出血</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="138" />
            <source>Cirrhosis</source>
            <translation>肝硬化</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="142" />
            <source>Dialysis twice in the past week</source>
            <translation>过去1周内透析≥2次</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="146" />
            <source>ICG-R15 (%)</source>
            <translation>ICG-R15（%）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="151" />
            <source>Future liver remnant (%)</source>
            <translation>剩余肝体积（%）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="159" />
            <source>Class {0} ({1} points)</source>
            <translation>{0}级（{1}分）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="163" />
            <source>Grade {0} (score {1})</source>
            <translation>{0}级（评分 {1}）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_patient.py" line="168" />
            <source>MELD {0} · MELD-Na {1}</source>
            <translation>MELD {0} · MELD-Na {1}</translation>
        </message>
    </context>
    <context>
        <name>Preferences</name>
        <message>
            <location filename="../../desktop/ui/preferences.py" line="53" />
            <source>Who is working</source>
            <translation>当前使用者</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/preferences.py" line="54" />
            <source>You are signed in as {0} ({1}). To work as someone else, quit and sign in again.</source>
            <translation>您已以 {0}（{1}）的身份登录。如需以他人身份工作，请退出后重新登录。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/preferences.py" line="69" />
            <source>Department</source>
            <translation>科室</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/preferences.py" line="70" />
            <source>Department name (printed on documents):</source>
            <translation>科室名称（打印在文档上）：</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/preferences.py" line="80" />
            <source>Stale data</source>
            <translation>过期数据</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/preferences.py" line="82" />
            <source>Mark labs or imaging as stale when older than this many days (local policy, for the whole department: kept in the database):</source>
            <translation>化验或影像检查超过以下天数即标记为已过期（本科室规定，全科室通用，保存在数据库中）：</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/preferences.py" line="113" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/preferences.py" line="114" />
            <source>The new language applies the next time the planner starts.</source>
            <translation>新语言将在下次启动本程序时生效。</translation>
        </message>
    </context>
    <context>
        <name>PresentationWindow</name>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="86" />
            <location filename="../../desktop/ui/presentation.py" line="87" />
            <source>MDT presentation</source>
            <translation>MDT 演示</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="106" />
            <source>→ next · ← previous · Esc leave</source>
            <translation>→ 下一例 · ← 上一例 · Esc 退出</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="192" />
            <source>The agenda is empty</source>
            <translation>议程为空</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="194" />
            <source>Add cases to the meeting's agenda, then present it.</source>
            <translation>请先向会议议程添加病例，再进行演示。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="244" />
            <source>%1 years</source>
            <translation>%1 岁</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="251" />
            <source>Question: %1</source>
            <translation>讨论问题：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="253" />
            <source>No question recorded for this meeting.</source>
            <translation>本次会议未记录讨论问题。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="287" />
            <source>portal vein %1</source>
            <translation>门静脉 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="290" />
            <source>extrahepatic spread</source>
            <translation>肝外转移</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="292" />
            <source>no extrahepatic spread</source>
            <translation>无肝外转移</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="302" />
            <source>Stage</source>
            <translation>分期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="303" />
            <source>Liver</source>
            <translation>肝功能</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="304" />
            <source>Tumour</source>
            <translation>肿瘤</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="305" />
            <source>Markers</source>
            <translation>标志物</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="306" />
            <source>Response</source>
            <translation>疗效</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="307" />
            <source>Regimen</source>
            <translation>方案</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="308" />
            <source>Surgery</source>
            <translation>手术</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="317" />
            <source>not recorded</source>
            <translation>未记录</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="323" />
            <source>not assessable (fewer than two scans)</source>
            <translation>无法评估（影像检查少于两次）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="326" />
            <source>%1: now %2, best %3</source>
            <translation>%1：目前 %2，最佳 %3</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="337" />
            <source>none running</source>
            <translation>目前无治疗</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="338" />
            <source>%1 of %2 regimens suitable</source>
            <translation>%2 个方案中 %1 个适合</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="345" />
            <source>since %1</source>
            <translation>自 %1 起</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="354" />
            <source>no date can be given</source>
            <translation>无法给出日期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="356" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="356" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="356" />
            <location filename="../../desktop/ui/presentation.py" line="361" />
            <source>not known</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="359" />
            <source>sufficient</source>
            <translation>充足</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="360" />
            <source>FLR too small</source>
            <translation>剩余肝体积不足</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="364" />
            <source>earliest %1</source>
            <translation>最早 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="365" />
            <source>liver ready: %1</source>
            <translation>肝脏可耐受手术：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="366" />
            <source>largest resection: %1</source>
            <translation>最大切除范围：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" line="369" />
            <source>FLR: %1</source>
            <translation>FLR：%1</translation>
        </message>
    </context>
    <context>
        <name>QAbstractFileIconProvider</name>
        <message>
            <location filename="../../desktop/ui/qt_words.py" line="19" />
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/qt_words.py" line="20" />
            <source>Shortcut</source>
            <translation>快捷方式</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/qt_words.py" line="21" />
            <source>Drive</source>
            <translation>驱动器</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/qt_words.py" line="22" />
            <source>Unknown</source>
            <translation>未知</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <location filename="../../desktop/ui/qt_words.py" line="16" />
            <source>&amp;Look in:</source>
            <translation>查找范围(&amp;L)：</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/qt_words.py" line="17" />
            <source>Files of &amp;type:</source>
            <translation>文件类型(&amp;T)：</translation>
        </message>
    </context>
    <context>
        <name>QPrintSettingsOutput</name>
        <message>
            <location filename="../../desktop/ui/qt_words.py" line="18" />
            <source>Page &amp;Set:</source>
            <translation>页面组(&amp;S)：</translation>
        </message>
    </context>
    <context>
        <name>RecentCasesMenu</name>
        <message>
            <location filename="../../desktop/ui/recent.py" line="28" />
            <source>Recent &amp;cases</source>
            <translation>最近的病例(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recent.py" line="45" />
            <source>No case opened yet</source>
            <translation>尚未打开任何病例</translation>
        </message>
    </context>
    <context>
        <name>RegimenStep</name>
        <message>
            <location filename="../../desktop/ui/step_regimen.py" line="179" />
            <source>Conversion regimens (every regimen of the catalogue)</source>
            <translation>转化治疗方案（方案目录全部方案）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_regimen.py" line="181" />
            <source>All component classes</source>
            <translation>全部药物类别</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_regimen.py" line="187" />
            <source>Choose the selected regimen</source>
            <translation>采用所选方案</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_regimen.py" line="192" />
            <source>Filter by class:</source>
            <translation>按类别筛选：</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_regimen.py" line="199" />
            <source>Select one regimen for its reasons and evidence, or up to three (Ctrl+click, or Shift with the arrow keys) to compare them.</source>
            <translation>选择一个方案查看其理由和证据，或选择最多三个（Ctrl+单击，或按住Shift使用方向键）进行比较。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_regimen.py" line="254" />
            <source>Select exactly one regimen to choose it.</source>
            <translation>请只选择一个方案后再采用。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_regimen.py" line="275" />
            <source>Chosen for the decision: {0}</source>
            <translation>决策采用：{0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_regimen.py" line="277" />
            <source>No regimen chosen yet for the decision.</source>
            <translation>决策尚未采用任何方案。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_regimen.py" line="286" />
            <source>Data checklist: inputs not recorded or too old</source>
            <translation>数据清单：未记录或已过期的项目</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_regimen.py" line="289" />
            <source>every input the safety checks read is recorded.</source>
            <translation>安全核查所需的各项数据均已记录。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_regimen.py" line="301" />
            <source>Select a regimen to see why it got its verdict and the evidence behind it.</source>
            <translation>选择一个方案，查看其评定理由及所依据的证据。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_regimen.py" line="310" />
            <source>Checks (rule, outcome, reason, source)</source>
            <translation>核查项（规则、结果、原因、来源）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_regimen.py" line="311" />
            <source>Evidence</source>
            <translation>证据</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_regimen.py" line="327" />
            <source>ref {0}</source>
            <translation>文献 {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_regimen.py" line="329" />
            <source>n = {0}</source>
            <translation>n = {0}</translation>
        </message>
    </context>
    <context>
        <name>RegimenTableModel</name>
        <message>
            <location filename="../../desktop/ui/step_regimen.py" line="55" />
            <source>Regimen</source>
            <translation>治疗方案</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_regimen.py" line="56" />
            <source>Components</source>
            <translation>组成</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_regimen.py" line="57" />
            <source>Verdict</source>
            <translation>评定</translation>
        </message>
    </context>
    <context>
        <name>ReportExports</name>
        <message>
            <location filename="../../desktop/ui/export.py" line="98" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="99" />
            <source>Open a case, or select one in the case list, first.</source>
            <translation>请先打开一个病例，或在病例列表中选择一个病例。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="107" />
            <source>Export PDF summary</source>
            <translation>导出 PDF 摘要</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="111" />
            <source>Save the PDF summary</source>
            <translation>保存 PDF 摘要</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="118" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="130" />
            <source>Writing the PDF summary…</source>
            <translation>正在生成 PDF 摘要…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="131" />
            <location filename="../../desktop/ui/export.py" line="174" />
            <location filename="../../desktop/ui/export.py" line="206" />
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="138" />
            <source>Export archive bundle</source>
            <translation>导出归档包</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="147" />
            <source>Sign the archive bundle</source>
            <translation>签署归档包</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="152" />
            <source>Archive bundle folder</source>
            <translation>归档包文件夹</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="173" />
            <source>Writing the archive bundle…</source>
            <translation>正在生成归档包…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="182" />
            <source>Meeting pack</source>
            <translation>会议资料包</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="183" />
            <source>The agenda of %1 has no cases.</source>
            <translation>%1 的会议议程中没有病例。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="186" />
            <source>Export meeting pack</source>
            <translation>导出会议资料包</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="189" />
            <source>Save the meeting pack</source>
            <translation>保存会议资料包</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="200" />
            <source>Meeting pack cancelled; nothing was written.</source>
            <translation>已取消会议资料包，未写入任何文件。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/export.py" line="203" />
            <source>Writing the meeting pack of %n case(s)…</source>
            <translation>
                <numerusform>正在生成 %n 例病例的会议资料包…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="210" />
            <source>Written: %1</source>
            <translation>已写入：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="235" />
            <source>Preparing the pages to print…</source>
            <translation>正在准备打印页面…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="235" />
            <location filename="../../desktop/ui/export.py" line="242" />
            <source>Not printed</source>
            <translation>未打印</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="246" />
            <source>%n page(s) sent to the printer.</source>
            <translation>已向打印机发送 %n 页。</translation>
        </message>
    </context>
    <context>
        <name>ResponseChart</name>
        <message>
            <location filename="../../desktop/ui/chart.py" line="58" />
            <source>Response chart</source>
            <translation>疗效图</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart.py" line="99" />
            <source>No imaging or tumour markers yet: the chart appears after the first scan.</source>
            <translation>尚无影像或肿瘤标志物数据：首次影像检查后显示图表。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart.py" line="103" />
            <source>Sum of viable diameters (mm)</source>
            <translation>存活肿瘤直径总和（mm）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart.py" line="104" />
            <source>AFP (ng/mL)</source>
            <translation>AFP（ng/mL）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart.py" line="105" />
            <source>PIVKA-II (mAU/mL)</source>
            <translation>PIVKA-II（mAU/mL）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart.py" line="106" />
            <source>markers, log scale</source>
            <translation>肿瘤标志物，对数坐标</translation>
        </message>
    </context>
    <context>
        <name>ResponsePanels</name>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="68" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="68" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="47" />
            <source>Scan date</source>
            <translation>检查日期</translation>
            <location filename="../../desktop/ui/imaging_panel.py" line="81" />
            <location filename="../../desktop/ui/imaging_panel.py" line="188" />
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="50" />
            <source>Viable diameters (mm)</source>
            <translation>存活肿瘤直径（mm）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="57" />
            <source>Add scan</source>
            <translation>添加影像检查</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="60" />
            <source>lesion id, e.g. L3</source>
            <translation>病灶编号，例如 L3</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="62" />
            <source>Add lesion row</source>
            <translation>添加病灶行</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="68" />
            <source>New lesions</source>
            <translation>新发病灶</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="73" />
            <source>Non-target lesions</source>
            <translation>非靶病灶</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="75" />
            <source>absent</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="76" />
            <source>present</source>
            <translation>存在</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="77" />
            <source>unequivocal progression</source>
            <translation>明确进展</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="83" />
            <source>Modality</source>
            <translation>检查方式</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="88" />
            <source>Response criteria</source>
            <translation>疗效评价标准</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="96" />
            <source>Viable tumour diameter per lesion (mm); leave a cell blank when the lesion was not measured on that scan.</source>
            <translation>各病灶存活肿瘤直径（mm）；该次检查未测量的病灶请留空。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="104" />
            <source>New scan:</source>
            <translation>新影像检查：</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="108" />
            <source>Remove this scan</source>
            <translation>删除此次影像检查</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="112" />
            <source>Scan:</source>
            <translation>影像检查：</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="189" />
            <source>Diameters</source>
            <translation>直径</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="199" />
            <source>A follow-up scan needs the viable diameter (mm) of each baseline target lesion, in this order: {0}; {1} given.</source>
            <translation>随访影像检查需按以下顺序填写每个基线靶病灶的存活直径（mm）：{0}；已填写 {1} 个。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="239" />
            <source>There is no scan to remove.</source>
            <translation>没有可删除的影像检查。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="262" />
            <source>baseline lesions, mm, e.g. 90, 20</source>
            <translation>基线病灶，mm，例如 90, 20</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="267" />
            <source>mm of {0}</source>
            <translation>{0} 的直径（mm）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="73" />
            <source>Regimen</source>
            <translation>治疗方案</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="77" />
            <source>Started</source>
            <translation>开始日期</translation>
            <location filename="../../desktop/ui/response_panels.py" line="105" />
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="78" />
            <source>Stopped</source>
            <translation>停止日期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="86" />
            <source>Agent</source>
            <translation>药物/治疗</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="87" />
            <source>Last dose</source>
            <translation>末次给药</translation>
            <location filename="../../desktop/ui/response_panels.py" line="115" />
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="98" />
            <source>Regimen of the new treatment</source>
            <translation>新治疗的方案</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="106" />
            <source>started YYYY-MM-DD</source>
            <translation>开始日期 YYYY-MM-DD</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="107" />
            <source>Add treatment with its agents</source>
            <translation>添加治疗及其药物</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="116" />
            <source>last dose YYYY-MM-DD</source>
            <translation>末次给药 YYYY-MM-DD</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="117" />
            <source>Add agent to the selected treatment</source>
            <translation>为所选治疗添加药物</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="124" />
            <source>Remove the selected treatment</source>
            <translation>删除所选治疗</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="126" />
            <source>Remove the selected agent</source>
            <translation>删除所选药物</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="151" />
            <source>Choose the regimen from the catalogue list.</source>
            <translation>请从方案目录中选择方案。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="175" />
            <source>Select the treatment to remove in the table first.</source>
            <translation>请先在表格中选择要删除的治疗。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="184" />
            <source>Select the agent to remove in the table first.</source>
            <translation>请先在表格中选择要删除的药物。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="207" />
            <source>Add a treatment first, then its agents.</source>
            <translation>请先添加治疗，再添加其药物。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="260" />
            <source>CTCAE term</source>
            <translation>CTCAE 术语</translation>
            <location filename="../../desktop/ui/response_panels.py" line="281" />
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="264" />
            <source>Grade (1-5)</source>
            <translation>分级（1-5）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="265" />
            <source>Onset</source>
            <translation>发生日期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="266" />
            <source>Resolved</source>
            <translation>缓解日期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="269" />
            <source>Attributed to</source>
            <translation>归因于</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="286" />
            <source>CTCAE term: choose or type</source>
            <translation>CTCAE 术语：选择或输入</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="289" />
            <source>Add adverse event</source>
            <translation>添加不良事件</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="296" />
            <source>Remove the selected adverse event</source>
            <translation>删除所选不良事件</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="298" />
            <source>grade</source>
            <translation>分级</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="312" />
            <source>CTCAE term: choose one from the list or type it.</source>
            <translation>CTCAE 术语：请从列表中选择或输入。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/response_panels.py" line="324" />
            <source>Select the adverse event to remove in the table first.</source>
            <translation>请先在表格中选择要删除的不良事件。</translation>
        </message>
    </context>
    <context>
        <name>ResponseStep</name>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="40" />
            <source>Imaging time points</source>
            <translation>影像检查时间点</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="44" />
            <source>Treatments and last doses</source>
            <translation>治疗及末次给药</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="46" />
            <source>Adverse events (CTCAE v5.0)</source>
            <translation>不良事件（CTCAE v5.0）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="54" />
            <source>Surgery</source>
            <translation>手术</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="55" />
            <source>Planned surgery date</source>
            <translation>计划手术日期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="58" />
            <source>Future liver remnant (%)</source>
            <translation>剩余肝体积（%）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="65" />
            <source>Timing strategy (of the decision)</source>
            <translation>手术时机策略（决策）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="78" />
            <source>Response (mRECIST, Lencioni &amp; Llovet 2010)</source>
            <translation>疗效评估（mRECIST，Lencioni &amp; Llovet 2010）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="82" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="83" />
            <source>Sum (mm)</source>
            <translation>总和（mm）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="84" />
            <source>vs baseline</source>
            <translation>较基线</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="85" />
            <source>vs nadir</source>
            <translation>较最低值</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="86" />
            <source>Category</source>
            <translation>疗效分类</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="95" />
            <source>Earliest surgery date, with liver readiness and FLR</source>
            <translation>最早手术日期，及肝脏可耐受性与剩余肝体积</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="97" />
            <source>Future liver remnant</source>
            <translation>剩余肝体积</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="99" />
            <source>Opportunistic or conservative? (review, section 6)</source>
            <translation>把握时机还是保守等待？（综述第6节）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="113" />
            <source>Start a draft decision (Decision step) to record the timing strategy.</source>
            <translation>请先新建决策草稿（决策步骤），再记录手术时机策略。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="132" />
            <source>no date can be given</source>
            <translation>无法给出日期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="138" />
            <source>sufficient</source>
            <translation>充足</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="139" />
            <source>insufficient</source>
            <translation>不足</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="140" />
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="149" />
            <source>ICG-R15: {0} %</source>
            <translation>ICG-R15：{0}%</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="155" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="155" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="155" />
            <location filename="../../desktop/ui/step_response.py" line="159" />
            <source>not known</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="162" />
            <source>liver ready: {0}</source>
            <translation>肝脏可耐受手术：{0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="163" />
            <source>largest resection: {0}</source>
            <translation>最大切除范围：{0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="164" />
            <source>FLR: {0}</source>
            <translation>FLR：{0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="171" />
            <source>not assessable</source>
            <translation>无法评估</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="172" />
            <source>Response needs a baseline and at least one follow-up scan.</source>
            <translation>疗效评估需要基线及至少一次随访影像检查。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_response.py" line="179" />
            <source>Current: {0} · best: {1}</source>
            <translation>目前：{0} · 最佳：{1}</translation>
        </message>
    </context>
    <context>
        <name>RulesDialog</name>
        <message>
            <location filename="../../desktop/ui/rules.py" line="110" />
            <source>Rules file</source>
            <translation>规则文件</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/rules.py" line="124" />
            <source>The department's rules file holds its local-policy thresholds and verdicts. It is kept in the database: every computer and command using this database applies it, and every evaluation and PDF names its version.</source>
            <translation>本科室规则文件包含本科室规定的阈值和判定。它保存在数据库中：使用此数据库的每台电脑和每条命令都采用它，每次评估和每份 PDF 都注明其版本。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/rules.py" line="131" />
            <source>&amp;Choose a rules file…</source>
            <translation>选择规则文件(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/rules.py" line="133" />
            <source>Use the &amp;shipped rules</source>
            <translation>使用随软件提供的规则(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/rules.py" line="150" />
            <source>the department's, kept in the database</source>
            <translation>本科室的，保存在数据库中</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/rules.py" line="152" />
            <source>the shipped rules file</source>
            <translation>随软件提供的规则文件</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/rules.py" line="158" />
            <source>In force: version %1%2 (%3).</source>
            <translation>当前使用：版本 %1%2（%3）。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/rules.py" line="170" />
            <source>Choose the department's rules file</source>
            <translation>选择本科室规则文件</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/rules.py" line="172" />
            <source>Rules files (*.json)</source>
            <translation>规则文件 (*.json)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/rules.py" line="185" />
            <source>Not used: %1</source>
            <translation>未采用：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/rules.py" line="188" />
            <location filename="../../desktop/ui/rules.py" line="197" />
            <source>Not kept: %1</source>
            <translation>未保存：%1</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="216" />
            <source>Keyboard shortcuts</source>
            <translation>快捷键</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="219" />
            <source>Keys</source>
            <translation>按键</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="219" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
    </context>
    <context>
        <name>SignIn</name>
        <message>
            <location filename="../../desktop/ui/sign_in.py" line="57" />
            <source>Database encrypted</source>
            <translation>数据库已加密</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sign_in.py" line="58" />
            <source>The database is encrypted with your password. These accounts existed before and cannot open it yet: {0}. Each of them types their own password once in Team → Give a member access… while someone is signed in.</source>
            <translation>数据库已用您的密码加密。以下账户此前已存在，目前还不能打开它：{0}。请他们在有人登录时，各自在“团队 → 给成员访问权限…”中输入一次自己的密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sign_in.py" line="147" />
            <source>Encrypt this database?</source>
            <translation>加密此数据库？</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sign_in.py" line="149" />
            <source>This database is not encrypted: whoever gets the file can read every patient value. Encrypt it now with your password? (A copy is encrypted and checked first; the plain file is replaced only then. Its backups are encrypted too.)</source>
            <translation>此数据库未加密：任何拿到该文件的人都能读取全部患者数据。现在用您的密码加密吗？（先加密并检查一份副本，之后才替换未加密的文件。其备份也会加密。）</translation>
        </message>
    </context>
    <context>
        <name>Signing</name>
        <message>
            <location filename="../../desktop/ui/signing.py" line="42" />
            <source>Set your own password first: only then can you sign.</source>
            <translation>请先设置您自己的密码：之后才能签名。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signing.py" line="65" />
            <source>Signing needs personal accounts, and this database has none: nobody could prove who signed. Create the first account (Team → Create the first account…); then each signer signs with their own password.</source>
            <translation>签名需要个人账户，而此数据库没有账户：无法证明是谁签的名。请先创建第一个账户（团队 → 创建第一个账户…）；之后每位签名者用自己的密码签名。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signing.py" line="80" />
            <source>{0} ({1}), signed {2}, key {3}</source>
            <translation>{0}（{1}），签署于 {2}，密钥 {3}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signing.py" line="83" />
            <source>{0} ({1}), {2}: signature not verified (imported)</source>
            <translation>{0}（{1}），{2}：签名未经验证（导入）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signing.py" line="86" />
            <source>{0} ({1}), {2}: named, not signed (sealed in a database without accounts: nothing proves who signed)</source>
            <translation>{0}（{1}），{2}：仅列出姓名，未签署（封存时数据库没有个人账户：无法证明签署人）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signing.py" line="90" />
            <source>{0} ({1}): present, not signed</source>
            <translation>{0}（{1}）：出席，未签署</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signing.py" line="109" />
            <source>{0} has already signed.</source>
            <translation>{0} 已签名。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signing.py" line="114" />
            <source>Not signed: {0} is present, not signed.</source>
            <translation>未签名：{0} 为“出席，未签署”。</translation>
        </message>
    </context>
    <context>
        <name>StepPage</name>
        <message>
            <location filename="../../desktop/ui/step_base.py" line="183" />
            <source>Still missing for the meeting:</source>
            <translation>会前仍缺：</translation>
        </message>
    </context>
    <context>
        <name>Team</name>
        <message>
            <location filename="../../desktop/ui/team.py" line="60" />
            <source>Locked: patient values are hidden until the password is given.</source>
            <translation>已锁定：输入密码前患者数据保持隐藏。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/team.py" line="62" />
            <source>Unlock…</source>
            <translation>解锁…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/team.py" line="94" />
            <source>&amp;Team</source>
            <translation>团队(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/team.py" line="96" />
            <source>&amp;Create the first account…</source>
            <translation>创建第一个账户(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/team.py" line="97" />
            <source>&amp;Add a team member…</source>
            <translation>添加团队成员(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/team.py" line="98" />
            <source>&amp;Give a member access…</source>
            <translation>给成员访问权限(&amp;G)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/team.py" line="99" />
            <source>&amp;Change my password…</source>
            <translation>修改我的密码(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/team.py" line="100" />
            <source>&amp;Lock now</source>
            <translation>立即锁定(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/team.py" line="145" />
            <source>Team member added</source>
            <translation>已添加团队成员</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/team.py" line="146" />
            <source>{0} ({1}) was added. Tell them the initial password; they set their own the first time they sign in or sign.</source>
            <translation>已添加 {0}（{1}）。请将初始密码告知对方；对方在首次登录或签名时设置自己的密码。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/team.py" line="172" />
            <source>Access given</source>
            <translation>已给予访问权限</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/team.py" line="173" />
            <source>{0} can now open this database with their own password.</source>
            <translation>{0} 现在可以用自己的密码打开此数据库。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/team.py" line="187" />
            <source>Your password was changed.</source>
            <translation>您的密码已修改。</translation>
        </message>
    </context>
    <context>
        <name>TumourStep</name>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="58" />
            <source>Tumour</source>
            <translation>肿瘤</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="63" />
            <source>Intrahepatic nodules: longest diameter of each, cm (e.g. 8.5, 2)</source>
            <translation>肝内结节：各结节最大径，cm（例如 8.5, 2）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="68" />
            <source>Portal vein invasion</source>
            <translation>门静脉侵犯</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="78" />
            <source>Hepatic vein invasion</source>
            <translation>肝静脉侵犯</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="84" />
            <source>Extrahepatic spread</source>
            <translation>肝外转移</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="88" />
            <source>ECOG performance status</source>
            <translation>ECOG体能状态评分</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="91" />
            <source>PS should reflect cancer-related symptoms, not comorbidity (BCLC, Reig 2022).</source>
            <translation>体能状态评分应反映肿瘤相关症状，而非合并症（BCLC，Reig 2022）。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="96" />
            <source>Lymph-node metastasis</source>
            <translation>淋巴结转移</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="119" />
            <source>Override a computed stage</source>
            <translation>更改计算得出的分期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="126" />
            <source>Reason (required)</source>
            <translation>理由（必填）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="127" />
            <source>Record override</source>
            <translation>记录更改</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="149" />
            <source>BCLC</source>
            <translation>BCLC分期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="150" />
            <source>CNLC</source>
            <translation>CNLC分期</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="158" />
            <source>Milan criteria</source>
            <translation>米兰标准</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="159" />
            <source>Up-to-seven</source>
            <translation>up-to-seven标准</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="172" />
            <source>An override needs a reason: say why the MDT chose {0}.</source>
            <translation>更改需要理由：请说明 MDT 为何选择 {0}。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="211" />
            <source>Cheng type {0} (reference only; the record keeps Vp)</source>
            <translation>程氏分型 {0}（仅供参考；记录中保留 Vp 分型）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="213" />
            <source>Cheng type: not applicable</source>
            <translation>程氏分型：不适用</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="220" />
            <source>{0}: computed {1}, chosen {2} — {3}</source>
            <translation>{0}：计算结果 {1}，采用 {2} — {3}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="227" />
            <source>{0}: chosen {1} — {2} (pending: stored with the next draft decision)</source>
            <translation>{0}：采用 {1} — {2}（待定：随下一份决策草稿保存）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="254" />
            <source>within</source>
            <translation>符合</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/step_tumour.py" line="254" />
            <source>beyond</source>
            <translation>超出</translation>
        </message>
    </context>
    <context>
        <name>Undo</name>
        <message>
            <location filename="../../desktop/ui/imaging_panel.py" line="159" />
            <location filename="../../desktop/ui/undo.py" line="210" />
            <source>Change {0}</source>
            <translation>修改 {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/undo.py" line="238" />
            <source>Add to {0}</source>
            <translation>添加到 {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/undo.py" line="257" />
            <source>Remove from {0}</source>
            <translation>从 {0} 中移除</translation>
        </message>
    </context>
    <context>
        <name>WhoIsWorkingDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="61" />
            <source>Who is working?</source>
            <translation>当前使用者是谁？</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="63" />
            <source>e.g. Li Ming</source>
            <translation>例如：李明</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="73" />
            <source>&amp;Name</source>
            <translation>姓名(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="74" />
            <source>&amp;Role</source>
            <translation>职责(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="81" />
            <source>Your name and role are recorded with every change you make.</source>
            <translation>您的每一次修改都会记录您的姓名和职责。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="99" />
            <source>Your name and your role are missing: type your name, then choose or type your role.</source>
            <translation>缺少您的姓名和角色：请输入姓名，再选择或输入角色。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="102" />
            <source>Your name is missing: type it in the Name field.</source>
            <translation>缺少您的姓名：请在“姓名”栏中输入。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs.py" line="104" />
            <source>Your role is missing: choose it from the list or type it.</source>
            <translation>缺少您的角色：请从列表中选择或直接输入。</translation>
        </message>
    </context>
    <context>
        <name>Workers</name>
        <message>
            <location filename="../../desktop/ui/workers.py" line="105" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>WrittenBar</name>
        <message>
            <location filename="../../desktop/ui/export.py" line="261" />
            <source>&amp;Open</source>
            <translation>打开(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="262" />
            <source>Show in &amp;folder</source>
            <translation>在文件夹中显示(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="265" />
            <source>Close this note</source>
            <translation>关闭此提示</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export.py" line="277" />
            <source>Written: %1</source>
            <translation>已写入：%1</translation>
        </message>
    </context>
</TS>
