<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>AcknowledgeEditor</name>
    <message>
        <location filename="../../mcim_desk/ui/answer_editors.py" line="75"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>AnswerEditors</name>
    <message>
        <location filename="../../mcim_desk/ui/answer_editors.py" line="34"/>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/answer_editors.py" line="36"/>
        <source>YYYY-MM-DDTHH:MM</source>
        <translation>AAAA-MM-JJTHH:MM</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/answer_editors.py" line="41"/>
        <source>a number from {start} to {end}, by {step}</source>
        <translation>un nombre de {start} à {end}, par pas de {step}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/answer_editors.py" line="45"/>
        <source>latitude longitude, as in 14.6928 -17.4467</source>
        <translation>latitude longitude, par exemple 14.6928 -17.4467</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/answer_editors.py" line="47"/>
        <source>2 positions or more: lat lon; lat lon; …</source>
        <translation>2 positions ou plus&#xa0;: lat lon; lat lon; …</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/answer_editors.py" line="49"/>
        <source>3 positions or more, then the first again: lat lon; …</source>
        <translation>3 positions ou plus, puis de nouveau la première&#xa0;: lat lon; …</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/answer_editors.py" line="51"/>
        <source>the code’s digits or text</source>
        <translation>les chiffres ou le texte du code</translation>
    </message>
</context>
<context>
    <name>AnswerTools</name>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="213"/>
        <source>Ask for clarification…</source>
        <translation>Demander une clarification…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="214"/>
        <source>Code selection…</source>
        <translation>Coder la sélection…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="233"/>
        <source>Clarification asked (due {due})</source>
        <translation>Clarification demandée (échéance {due})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="234"/>
        <source>Clarification asked</source>
        <translation>Clarification demandée</translation>
    </message>
</context>
<context>
    <name>AttachmentEditor</name>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="170"/>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="263"/>
        <source>Attach a file to: {question}</source>
        <translation>Joindre un fichier à&#xa0;: {question}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="176"/>
        <source>File not attached</source>
        <translation>Fichier non joint</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="191"/>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="194"/>
        <source>File not opened</source>
        <translation>Fichier non ouvert</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="195"/>
        <source>No program on this computer opened “{file}”. Save it with Save as… and open it from there.</source>
        <translation>Aucun programme de cet ordinateur n’a ouvert «&#xa0;{file}&#xa0;». Enregistrez-le avec Enregistrer sous… et ouvrez-le de là.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="205"/>
        <source>Save the file as</source>
        <translation>Enregistrer le fichier sous</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="206"/>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="232"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="212"/>
        <source>File not saved</source>
        <translation>Fichier non enregistré</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="234"/>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="234"/>
        <source>Sound recordings</source>
        <translation>Enregistrements sonores</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="235"/>
        <source>Videos</source>
        <translation>Vidéos</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="239"/>
        <source>Files this question takes</source>
        <translation>Fichiers acceptés par cette question</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="246"/>
        <source>No file attached.</source>
        <translation>Aucun fichier joint.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="248"/>
        <source>{file} — this file is not in this database (an answer imported without its file).</source>
        <translation>{file} — ce fichier n’est pas dans cette base de données (une réponse importée sans son fichier).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="251"/>
        <source>{file} ({size}, {type})</source>
        <translation>{file} ({size}, {type})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="253"/>
        <source>Attach…</source>
        <translation>Joindre…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="253"/>
        <source>Replace…</source>
        <translation>Remplacer…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="254"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="255"/>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="256"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="264"/>
        <source>Open the file {file}</source>
        <translation>Ouvrir le fichier {file}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="265"/>
        <source>Save the file {file} as…</source>
        <translation>Enregistrer le fichier {file} sous…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="266"/>
        <source>Remove the file from: {question}</source>
        <translation>Retirer le fichier de&#xa0;: {question}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/attachment_editor.py" line="267"/>
        <source>Picture of {file}</source>
        <translation>Image de {file}</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <location filename="../../mcim_desk/services/attachments.py" line="60"/>
        <source>{n} bytes</source>
        <translation>{n}&#xa0;octets</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachments.py" line="62"/>
        <source>{n} KB</source>
        <translation>{n}&#xa0;Ko</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachments.py" line="63"/>
        <source>{n} MB</source>
        <translation>{n}&#xa0;Mo</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachments.py" line="64"/>
        <source>{n} GB</source>
        <translation>{n}&#xa0;Go</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachments.py" line="77"/>
        <source>an image</source>
        <translation>une image</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachments.py" line="78"/>
        <source>a sound recording</source>
        <translation>un enregistrement sonore</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachments.py" line="79"/>
        <source>a video</source>
        <translation>une vidéo</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachments.py" line="84"/>
        <source>“{file}” is not {kind}: its content is of no image, sound or video format known here. The question “{question}” takes {kind} ({expected}). Nothing was attached.</source>
        <translation>«&#xa0;{file}&#xa0;» n’est pas {kind}&#xa0;: son contenu n’est d’aucun format d’image, de son ou de vidéo connu ici. La question «&#xa0;{question}&#xa0;» attend {kind} ({expected}). Rien n’a été joint.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachments.py" line="88"/>
        <source>“{file}” holds {found}, not {kind}: the question “{question}” takes {kind} ({expected}). Nothing was attached.</source>
        <translation>«&#xa0;{file}&#xa0;» contient du {found}, pas {kind}&#xa0;: la question «&#xa0;{question}&#xa0;» attend {kind} ({expected}). Rien n’a été joint.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachments.py" line="92"/>
        <source>“{file}” holds {found} but its name does not end as such a file’s does ({expected}): rename it and attach it again to “{question}”. Nothing was attached.</source>
        <translation>«&#xa0;{file}&#xa0;» contient du {found}, mais son nom ne se termine pas comme celui d’un tel fichier ({expected})&#xa0;: renommez-le et joignez-le de nouveau à «&#xa0;{question}&#xa0;». Rien n’a été joint.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachments.py" line="96"/>
        <source>The question “{question}” takes only {expected} files: “{file}” is not one. Nothing was attached.</source>
        <translation>La question «&#xa0;{question}&#xa0;» n’accepte que des fichiers {expected}&#xa0;: «&#xa0;{file}&#xa0;» n’en est pas un. Rien n’a été joint.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachments.py" line="108"/>
        <location filename="../../mcim_desk/services/attachments.py" line="117"/>
        <source>“{file}” cannot be read ({error}): nothing was attached to “{question}”.</source>
        <translation>«&#xa0;{file}&#xa0;» ne peut pas être lu ({error})&#xa0;: rien n’a été joint à «&#xa0;{question}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachments.py" line="123"/>
        <source>“{file}” is empty: nothing was attached to “{question}”.</source>
        <translation>«&#xa0;{file}&#xa0;» est vide&#xa0;: rien n’a été joint à «&#xa0;{question}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachments.py" line="132"/>
        <source>“{file}” has {size}, more than the limit of {limit} for an attached file: nothing was attached to “{question}”.</source>
        <translation>«&#xa0;{file}&#xa0;» fait {size}, plus que la limite de {limit} pour un fichier joint&#xa0;: rien n’a été joint à «&#xa0;{question}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachments.py" line="152"/>
        <source>The question “{question}” does not take a file: “{file}” was not attached.</source>
        <translation>La question «&#xa0;{question}&#xa0;» n’attend pas de fichier&#xa0;: «&#xa0;{file}&#xa0;» n’a pas été joint.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachments.py" line="188"/>
        <location filename="../../mcim_desk/services/attachments.py" line="208"/>
        <source>The file “{file}” is not in this database.</source>
        <translation>Le fichier «&#xa0;{file}&#xa0;» n’est pas dans cette base de données.</translation>
    </message>
</context>
<context>
    <name>Bundle</name>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="269"/>
        <source>{file}: </source>
        <translation>{file}&#xa0;: </translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="276"/>
        <source>the file is larger than {limit} MB; it is refused.</source>
        <translation>le fichier dépasse {limit} Mo&#x202f;; il est refusé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="281"/>
        <source>the file cannot be read ({error}).</source>
        <translation>le fichier ne peut pas être lu ({error}).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="286"/>
        <source>this is not an MCIM Desk bundle.</source>
        <translation>ce n’est pas un lot d’échange MCIM Desk.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="292"/>
        <source>the bundle is truncated or damaged (its zip archive is incomplete).</source>
        <translation>le lot est tronqué ou endommagé (son archive zip est incomplète).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="298"/>
        <source>the bundle has no manifest.</source>
        <translation>le lot n’a pas de manifeste.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="307"/>
        <source>entry “{name}” is not listed in the manifest.</source>
        <translation>l’entrée «&#xa0;{name}&#xa0;» ne figure pas dans le manifeste.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="319"/>
        <source>entry “{name}” listed in the manifest is missing (truncated bundle?).</source>
        <translation>l’entrée «&#xa0;{name}&#xa0;», inscrite dans le manifeste, est absente (lot tronqué&#x202f;?).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="337"/>
        <source>entry “{name}” holds {size} bytes but the manifest says {expected}: the bundle was altered or damaged.</source>
        <translation>l’entrée «&#xa0;{name}&#xa0;» contient {size} octets alors que le manifeste en annonce {expected}&#xa0;: le lot a été modifié ou endommagé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="344"/>
        <source>entry “{name}” does not match its SHA-256 in the manifest: the bundle was altered or damaged.</source>
        <translation>l’entrée «&#xa0;{name}&#xa0;» ne correspond pas à son empreinte SHA-256 inscrite dans le manifeste&#xa0;: le lot a été modifié ou endommagé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="362"/>
        <source>the encrypted bundle is truncated.</source>
        <translation>le lot chiffré est tronqué.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="369"/>
        <source>the file starts as an encrypted bundle but its encryption header is not one MCIM Desk writes: the file is damaged, or is not an MCIM Desk bundle.</source>
        <translation>le fichier commence comme un lot chiffré, mais son en-tête de chiffrement n’est pas de ceux qu’écrit MCIM Desk&#xa0;: le fichier est endommagé, ou ce n’est pas un lot MCIM Desk.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="375"/>
        <location filename="../../mcim_desk/exchange/bundle.py" line="625"/>
        <source>the bundle was written in format {version}, newer than this program reads ({supported}): update MCIM Desk.</source>
        <translation>le lot a été écrit au format {version}, plus récent que celui que lit ce programme ({supported})&#xa0;: mettez à jour MCIM Desk.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="381"/>
        <source>the bundle is encrypted: its passphrase is needed.</source>
        <translation>le lot est chiffré&#xa0;: sa phrase secrète est nécessaire.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="384"/>
        <source>wrong passphrase: this bundle was encrypted with another one.</source>
        <translation>phrase secrète incorrecte&#xa0;: ce lot a été chiffré avec une autre.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="390"/>
        <source>the encrypted content fails its authentication check: it was altered or truncated.</source>
        <translation>le contenu chiffré échoue au contrôle d’authentification&#xa0;: il a été modifié ou tronqué.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="411"/>
        <source>the bundle holds {count} entries; at most {limit} are accepted.</source>
        <translation>le lot contient {count} entrées&#x202f;; {limit} au maximum sont acceptées.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="421"/>
        <source>entry “{name}” is an absolute path.</source>
        <translation>l’entrée «&#xa0;{name}&#xa0;» est un chemin absolu.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="424"/>
        <source>entry “{name}” climbs out of its folder (..).</source>
        <translation>l’entrée «&#xa0;{name}&#xa0;» sort de son dossier (..).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="428"/>
        <source>entry “{name}” is a symbolic link.</source>
        <translation>l’entrée «&#xa0;{name}&#xa0;» est un lien symbolique.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="430"/>
        <source>entry name “{name}” is not allowed.</source>
        <translation>le nom d’entrée «&#xa0;{name}&#xa0;» n’est pas autorisé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="433"/>
        <source>entry “{name}” appears twice.</source>
        <translation>l’entrée «&#xa0;{name}&#xa0;» apparaît deux fois.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="438"/>
        <source>entry “{name}” uses an unsupported compression or zip encryption.</source>
        <translation>l’entrée «&#xa0;{name}&#xa0;» utilise une méthode de compression non prise en charge ou le chiffrement zip.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="444"/>
        <source>entry “{name}” would inflate to {size} MB; at most {limit} MB are accepted.</source>
        <translation>l’entrée «&#xa0;{name}&#xa0;» occuperait {size} Mo une fois décompressée&#x202f;; {limit} Mo au maximum sont acceptés.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="454"/>
        <source>entry “{name}” would inflate {ratio} times its stored size (a zip bomb?); the bundle is refused.</source>
        <translation>l’entrée «&#xa0;{name}&#xa0;» occuperait, une fois décompressée, {ratio} fois sa taille compressée (bombe zip&#x202f;?)&#x202f;; le lot est refusé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="463"/>
        <source>the bundle would inflate to {size} MB; at most {limit} MB are accepted.</source>
        <translation>le lot occuperait {size} Mo une fois décompressé&#x202f;; {limit} Mo au maximum sont acceptés.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="490"/>
        <source>entry “{name}” inflates beyond its declared or allowed size; the bundle is refused.</source>
        <translation>l’entrée «&#xa0;{name}&#xa0;» dépasse, une fois décompressée, sa taille déclarée ou autorisée&#x202f;; le lot est refusé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="503"/>
        <location filename="../../mcim_desk/exchange/bundle.py" line="509"/>
        <source>entry “{name}” is damaged or truncated (it cannot be inflated).</source>
        <translation>l’entrée «&#xa0;{name}&#xa0;» est endommagée ou tronquée (elle ne peut pas être décompressée).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="583"/>
        <source>entry “{name}” is not UTF-8 text (byte {offset}).</source>
        <translation>l’entrée «&#xa0;{name}&#xa0;» n’est pas du texte UTF-8 (octet {offset}).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="592"/>
        <source>entry “{name}” is not valid JSON (line {line}, column {column}).</source>
        <translation>l’entrée «&#xa0;{name}&#xa0;» n’est pas du JSON valide (ligne {line}, colonne {column}).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="600"/>
        <source>entry “{name}” is not valid JSON (duplicate keys, NaN or too deep).</source>
        <translation>l’entrée «&#xa0;{name}&#xa0;» n’est pas du JSON valide (clés en double, NaN ou imbrication trop profonde).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="607"/>
        <source>the manifest is malformed: {detail}.</source>
        <translation>le manifeste est mal formé&#xa0;: {detail}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="610"/>
        <source>this is not an MCIM Desk bundle (no bundle manifest).</source>
        <translation>ce n’est pas un lot d’échange MCIM Desk (aucun manifeste de lot).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/bundle.py" line="617"/>
        <source>the bundle was written in format {version} by an earlier MCIM Desk, which this version no longer reads: export it again with MCIM Desk {program} or later.</source>
        <translation>le lot a été écrit au format {version} par une version antérieure de MCIM Desk, que cette version ne lit plus&#xa0;: exportez-le à nouveau avec MCIM Desk {program} ou plus récent.</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <location filename="../../mcim_desk/exchange/icalendar_export.py" line="77"/>
        <source>Interview {acronym}</source>
        <translation>Entretien {acronym}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/icalendar_export.py" line="79"/>
        <source>Interview {acronym} — {person}</source>
        <translation>Entretien {acronym} — {person}</translation>
    </message>
</context>
<context>
    <name>CallWorkspace</name>
    <message>
        <location filename="../../mcim_desk/ui/quote_dialog.py" line="153"/>
        <source>Theme {n}</source>
        <translation>Thème {n}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_dialog.py" line="154"/>
        <source>Principle {n}</source>
        <translation>Principe {n}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_dialog.py" line="155"/>
        <source>Objective {n}</source>
        <translation>Objectif {n}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_dialog.py" line="167"/>
        <source>Theme {n}: {label}</source>
        <translation>Thème {n}&#xa0;: {label}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_dialog.py" line="168"/>
        <source>Principle {n}: {label}</source>
        <translation>Principe {n}&#xa0;: {label}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_dialog.py" line="169"/>
        <source>Objective {n}: {label}</source>
        <translation>Objectif {n}&#xa0;: {label}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="208"/>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="467"/>
        <source>Save selection as quote…</source>
        <translation>Enregistrer la sélection comme citation…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="257"/>
        <source>(no contact)</source>
        <translation>(aucun contact)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="258"/>
        <source>Interview — {acronym} — {who}</source>
        <translation>Entretien — {acronym} — {who}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="259"/>
        <source>Call workspace — {acronym}</source>
        <translation>Espace d’appel — {acronym}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="260"/>
        <source>{when} · {minutes} min · {state}</source>
        <translation>{when} · {minutes} min · {state}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="276"/>
        <source>Call in progress</source>
        <translation>Appel en cours</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="281"/>
        <source>Started {when}; length {length}</source>
        <translation>Commencé le {when}&#x202f;; durée {length}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="284"/>
        <source>Not started</source>
        <translation>Pas commencé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="287"/>
        <source>Quotes can be saved; clearing them for publication needs consent.</source>
        <translation>Les citations peuvent être enregistrées&#x202f;; les autoriser à la publication nécessite le consentement.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="357"/>
        <source>End the call</source>
        <translation>Terminer l’appel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="373"/>
        <source>Consent: {value}</source>
        <translation>Consentement&#xa0;: {value}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="378"/>
        <source>Notes to be validated</source>
        <translation>Notes à faire valider</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="378"/>
        <source>Notes not to be validated</source>
        <translation>Notes sans validation préalable</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mcim_desk/ui/call_workspace.py" line="419"/>
        <source>%n quote(s) no longer cleared for publication.</source>
        <translation>
            <numerusform>Autorisation à la publication retirée pour %n citation(s).</numerusform>
            <numerusform>Autorisation à la publication retirée pour %n citation(s).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="444"/>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="685"/>
        <source>Call notes</source>
        <translation>Notes de l’appel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="459"/>
        <source>Notes saved.</source>
        <translation>Notes enregistrées.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="462"/>
        <source>Edit the call notes</source>
        <translation>Modifier les notes d’appel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="511"/>
        <source>Select some words of an answer, of a note or of the call notes first.</source>
        <translation>Sélectionnez d’abord quelques mots d’une réponse, d’une note ou des notes d’appel.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="524"/>
        <source>Select some words of the answer first, then choose “Save selection as quote…”.</source>
        <translation>Sélectionnez d’abord quelques mots de la réponse, puis choisissez «&#xa0;Enregistrer la sélection comme citation…&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="554"/>
        <source>Save a quote</source>
        <translation>Enregistrer une citation</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="572"/>
        <source>cleared</source>
        <translation>autorisée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="574"/>
        <source>text changed</source>
        <translation>texte modifié</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="577"/>
        <source>“{text}”</source>
        <translation>«&#xa0;{text}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="622"/>
        <source>Remove a quote</source>
        <translation>Retirer une citation</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="637"/>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="664"/>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="665"/>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="666"/>
        <source>Start or resume the call timer (Ctrl+Shift+T)</source>
        <translation>Démarrer ou reprendre le chronomètre de l’appel (Ctrl+Maj+T)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="667"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="668"/>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="709"/>
        <source>&amp;End the call</source>
        <translation>&amp;Terminer l’appel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="669"/>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="670"/>
        <source>The interviewee:</source>
        <translation>La personne interrogée&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="675"/>
        <source>wants to &amp;validate the notes before they are used</source>
        <translation>souhaite &amp;valider les notes avant leur utilisation</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="676"/>
        <source>Call notes (saved as you type)</source>
        <translation>Notes d’appel (enregistrées au fil de la saisie)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="677"/>
        <source>Free notes of the call…</source>
        <translation>Notes libres sur l’appel…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="678"/>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="686"/>
        <source>Quotes from this interview</source>
        <translation>Citations de cet entretien</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="679"/>
        <source>Save selection as &amp;quote…</source>
        <translation>Enregistrer la sélection comme &amp;citation…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="680"/>
        <source>Remove the quote</source>
        <translation>Retirer la citation</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="684"/>
        <source>Consent of the interviewee</source>
        <translation>Consentement de la personne interrogée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="705"/>
        <source>The call is running</source>
        <translation>L’appel est en cours</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="706"/>
        <source>The call timer is running ({time}). End the call now (its length is recorded), or keep it running and hide this window (“Open the call workspace” brings it back)?</source>
        <translation>Le chronomètre de l’appel tourne ({time}). Terminer l’appel maintenant (sa durée est enregistrée), ou le laisser tourner et masquer cette fenêtre («&#xa0;Ouvrir l’espace d’appel&#xa0;» la fait revenir)&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/call_workspace.py" line="709"/>
        <source>&amp;Keep it running</source>
        <translation>&amp;Le laisser tourner</translation>
    </message>
</context>
<context>
    <name>Captions</name>
    <message>
        <location filename="../../mcim_desk/forms/captions.py" line="56"/>
        <source>Question {n}</source>
        <translation>Question {n}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/captions.py" line="58"/>
        <source>Question {n}, entry {entry}</source>
        <translation>Question {n}, entrée {entry}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/captions.py" line="70"/>
        <source>question {n}, entry {entry}</source>
        <translation>question {n}, entrée {entry}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/captions.py" line="72"/>
        <source>question {n}</source>
        <translation>question {n}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/captions.py" line="77"/>
        <source>“{label}”</source>
        <translation>«&#xa0;{label}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="176"/>
        <source>This field cannot be edited: {field}</source>
        <translation>Ce champ ne peut pas être modifié&#xa0;: {field}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="191"/>
        <source>“{value}” is not an ISO 3166-1 country code.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un code de pays ISO 3166-1.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="199"/>
        <source>The name and acronym cannot be empty.</source>
        <translation>Le nom et le sigle ne peuvent pas être vides.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="218"/>
        <source>Acronym (French)</source>
        <translation>Sigle (français)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="219"/>
        <source>Acronym (English)</source>
        <translation>Sigle (anglais)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="220"/>
        <source>Name (French)</source>
        <translation>Nom (français)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="221"/>
        <source>Name (English)</source>
        <translation>Nom (anglais)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="222"/>
        <source>Chair country</source>
        <translation>Pays de la présidence</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="223"/>
        <source>Website</source>
        <translation>Site Internet</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="224"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="225"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="226"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="227"/>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="228"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="229"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="238"/>
        <source>{field} has {length} characters, more than the limit of {limit}.</source>
        <translation>{field} compte {length} caractères, au-delà de la limite de {limit}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="271"/>
        <source>This field was changed {by} since this window read it: your value was not saved.</source>
        <translation>Ce champ a été modifié {by} depuis que cette fenêtre l’a lu&#xa0;: votre valeur n’a pas été enregistrée.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="362"/>
        <source>A contact needs a name.</source>
        <translation>Un contact doit avoir un nom.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="369"/>
        <source>“{value}” is not an e-mail address.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une adresse électronique.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="380"/>
        <source>Unknown time zone “{value}”: use a name such as Europe/Geneva or America/Lima.</source>
        <translation>Fuseau horaire inconnu «&#xa0;{value}&#xa0;»&#xa0;: utilisez un nom comme Europe/Geneva ou America/Lima.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="407"/>
        <source>{count} row(s) of “{table}” refer to a missing row of “{parent}”</source>
        <translation>{count} ligne(s) de «&#xa0; {table} &#xa0;» renvoient à une ligne absente de «&#xa0; {parent} &#xa0;»</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="416"/>
        <source>the attached file “{name}” no longer matches its SHA-256: restore a backup</source>
        <translation>le fichier joint «&#xa0;{name}&#xa0;» ne correspond plus à son SHA-256&#xa0;: restaurez une sauvegarde</translation>
    </message>
</context>
<context>
    <name>ClarifyDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="73"/>
        <location filename="../../mcim_desk/ui/followups_page.py" line="165"/>
        <source>Ask for clarification</source>
        <translation>Demander une clarification</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="92"/>
        <source>YYYY-MM-DD HH:MM (your time)</source>
        <translation>AAAA-MM-JJ HH:MM (votre heure)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="97"/>
        <source>Mark as &amp;done</source>
        <translation>Marquer comme &amp;fait</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="102"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="103"/>
        <source>&amp;What to clarify</source>
        <translation>&amp;Ce qu’il faut clarifier</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="104"/>
        <source>&amp;Due (your time)</source>
        <translation>&amp;Échéance (votre heure)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="105"/>
        <source>&amp;Owner</source>
        <translation>&amp;Responsable</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="106"/>
        <source>Already asked, still open:</source>
        <translation>Déjà demandé, toujours en cours&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="123"/>
        <source>Already asked, still open</source>
        <translation>Déjà demandées, encore ouvertes</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../mcim_desk/cli.py" line="257"/>
        <source>{target} was written by MCIM Desk {database_version} (schema {revision}); this is MCIM Desk {program_version}, which cannot open it. Nothing was changed: install MCIM Desk {database_version} or newer.</source>
        <translation>{target} a été écrit par MCIM Desk {database_version} (schéma {revision})&#x202f;; ceci est MCIM Desk {program_version}, qui ne peut pas l’ouvrir. Rien n’a été modifié&#xa0;: installez MCIM Desk {database_version} ou plus récent.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_reports.py" line="43"/>
        <source>integrity check failed for {path}: {problem}</source>
        <translation>échec du contrôle d’intégrité de {path}&#xa0;: {problem}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="301"/>
        <source>integrity check failed for {path}: {problem} (SQLite: {raw})</source>
        <translation>échec du contrôle d’intégrité de {path} : {problem} (SQLite : {raw})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="309"/>
        <source>database: {target}</source>
        <translation>base de données&#xa0;: {target}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="312"/>
        <source>schema revision: {revision}</source>
        <translation>révision du schéma&#xa0;: {revision}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="316"/>
        <source>integrity: {result}</source>
        <translation>intégrité&#xa0;: {result}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="322"/>
        <source>mechanisms with a membership recorded: {recorded} of {total}</source>
        <translation>mécanismes dont la composition est renseignée&#xa0;: {recorded} sur {total}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="329"/>
        <source>problem: {problem}</source>
        <translation>problème&#xa0;: {problem}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="342"/>
        <source>backup works on SQLite files only</source>
        <translation>la sauvegarde ne fonctionne qu’avec des fichiers SQLite</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="344"/>
        <source>backup written to {path}</source>
        <translation>sauvegarde écrite dans {path}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="357"/>
        <source>restore works on SQLite files only</source>
        <translation>la restauration ne fonctionne qu’avec des fichiers SQLite</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="362"/>
        <source>no such backup file: {path}</source>
        <translation>fichier de sauvegarde introuvable&#xa0;: {path}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="368"/>
        <source>not restored, the backup is damaged: {problem} (SQLite: {raw})</source>
        <translation>rien n’a été restauré, la sauvegarde est endommagée : {problem} (SQLite : {raw})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="373"/>
        <source>restored {source} into {target}</source>
        <translation>{source} restauré dans {target}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="379"/>
        <source>the replaced database was kept as {path}</source>
        <translation>la base remplacée a été conservée sous {path}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_forms.py" line="40"/>
        <source>{file}: {count} questions ({form_id} version {version}, {kind})</source>
        <translation>{file}&#xa0;: {count} questions ({form_id} version {version}, {kind})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_forms.py" line="54"/>
        <source>Nothing was added. To add this version anyway, run the command again with --force: the answers stay stored and the reports still count them under the versions that asked them.</source>
        <translation>Rien n’a été ajouté. Pour ajouter quand même cette version, relancez la commande avec --force&#xa0;: les réponses restent enregistrées et les rapports les comptent toujours dans les versions qui posaient la question.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_forms.py" line="63"/>
        <source>added {form_id} version {version}: {count} questions</source>
        <translation>{form_id} version {version} ajouté&#xa0;: {count} questions</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_forms.py" line="65"/>
        <source>already installed: {form_id} version {version} ({count} questions)</source>
        <translation>déjà installé&#xa0;: {form_id} version {version} ({count} questions)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_forms.py" line="76"/>
        <source>the study&apos;s questionnaire: {questionnaire}; its interview guide: {interview}</source>
        <translation>questionnaire de l’étude&#xa0;: {questionnaire}&#xa0;; guide d’entretien&#xa0;: {interview}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_forms.py" line="83"/>
        <source>the study&apos;s questionnaire</source>
        <translation>questionnaire de l’étude</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_forms.py" line="85"/>
        <source>the study&apos;s interview guide</source>
        <translation>guide d’entretien de l’étude</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_forms.py" line="101"/>
        <source>Submissions read ({layout}): {total}; created: {created}, updated: {updated}, unchanged: {unchanged}</source>
        <translation>Soumissions lues ({layout})&#xa0;: {total}&#xa0;; créées&#xa0;: {created}, mises à jour&#xa0;: {updated}, inchangées&#xa0;: {unchanged}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_forms.py" line="107"/>
        <source>note: {note}</source>
        <translation>remarque&#xa0;: {note}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_forms.py" line="109"/>
        <source>kept as typed, to correct (the response stays a draft): submission {number}, “{key}”: {problem}</source>
        <translation>conservée telle que saisie, à corriger (la réponse reste un brouillon)&#xa0;: soumission {number}, «&#xa0;{key}&#xa0;»&#xa0;: {problem}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_forms.py" line="113"/>
        <source>note: response {id} is a second questionnaire for its mechanism in this round (the other one is {other}); both are kept</source>
        <translation>remarque&#xa0;: la réponse {id} est un second questionnaire pour son mécanisme dans ce cycle (l’autre est {other})&#xa0;; les deux sont conservés</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_forms.py" line="121"/>
        <source>unknown form: {form}</source>
        <translation>formulaire inconnu&#xa0;: {form}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_forms.py" line="123"/>
        <source>Submissions written to {path}: {count}</source>
        <translation>Soumissions écrites dans {path}&#xa0;: {count}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_interviews.py" line="15"/>
        <source>unknown action: {action}</source>
        <translation>action inconnue&#xa0;: {action}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_interviews.py" line="17"/>
        <source>unknown format: {format}</source>
        <translation>format inconnu&#xa0;: {format}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="24"/>
        <source>cannot read the passphrase file {path}: {error}</source>
        <translation>impossible de lire le fichier de phrase secrète {path}&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="30"/>
        <source>the passphrase file {path} is empty</source>
        <translation>le fichier de phrase secrète {path} est vide</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="56"/>
        <source>bundle written to {path} ({size} KB{encrypted})</source>
        <translation>lot d’échange écrit dans {path} ({size} Ko{encrypted})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="59"/>
        <source>, encrypted</source>
        <translation>, chiffré</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="63"/>
        <source>changes since {moment} UTC</source>
        <translation>modifications depuis le {moment} UTC</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="65"/>
        <source>everything (no earlier bundle for this destination)</source>
        <translation>tout (aucun lot antérieur pour cette destination)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="66"/>
        <source>everything</source>
        <translation>tout</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="68"/>
        <source>{responses} responses, {answers} answers, {interviews} interviews, {quotes} quotes, {followups} follow-ups, {contacts} contacts, {audit} audit rows</source>
        <translation>{responses} formulaires remplis, {answers} réponses, {interviews} entretiens, {quotes} citations, {followups} suivis, {contacts} contacts, {audit} lignes du journal d’audit</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="78"/>
        <source>--since-last and --passphrase-file apply to bundles only; ignored</source>
        <translation>--since-last et --passphrase-file ne s’appliquent qu’aux lots d’échange&#x202f;; options ignorées</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="81"/>
        <source>written: {path}</source>
        <translation>écrit&#xa0;: {path}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="83"/>
        <source>{sheet}: {rows} rows</source>
        <translation>{sheet}&#xa0;: {rows} lignes</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="85"/>
        <source>attached files: {count} in {folder}</source>
        <translation>fichiers joints&#xa0;: {count} dans {folder}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="91"/>
        <location filename="../../mcim_desk/cli_interviews.py" line="33"/>
        <source>cannot write {path}: {error}</source>
        <translation>impossible d’écrire {path}&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="98"/>
        <source>no record of who changed it</source>
        <translation>aucune trace de l’auteur de la modification</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="101"/>
        <source>{actor}, {when}</source>
        <translation>{actor}, {when}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="119"/>
        <location filename="../../mcim_desk/cli_exchange.py" line="147"/>
        <location filename="../../mcim_desk/cli_pdfform.py" line="85"/>
        <location filename="../../mcim_desk/cli_pdfform.py" line="173"/>
        <source>not imported: {reason}</source>
        <translation>non importé&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="121"/>
        <source>bundle {file} from installation {source} (MCIM Desk {version}, {when})</source>
        <translation>lot {file} provenant de l’installation {source} (MCIM Desk {version}, {when})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="127"/>
        <source>to add: {added}; to update: {updated}; unchanged: {unchanged}; newer here: {kept}; new audit rows: {audit}; conflicts: {conflicts}</source>
        <translation>à ajouter&#xa0;: {added}&#x202f;; à mettre à jour&#xa0;: {updated}&#x202f;; inchangés&#xa0;: {unchanged}&#x202f;; plus récents ici&#xa0;: {kept}&#x202f;; nouvelles lignes du journal d’audit&#xa0;: {audit}&#x202f;; conflits&#xa0;: {conflicts}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="134"/>
        <source>conflict: {where} — {question}</source>
        <translation>conflit&#xa0;: {where} — {question}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="135"/>
        <source>here: “{value}” ({who})</source>
        <translation>ici&#xa0;: «&#xa0;{value}&#xa0;» ({who})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="136"/>
        <source>in the bundle: “{value}” ({who})</source>
        <translation>dans le lot&#xa0;: «&#xa0;{value}&#xa0;» ({who})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="140"/>
        <source>nothing to import: this bundle&apos;s content is already here</source>
        <translation>rien à importer&#xa0;: le contenu de ce lot est déjà ici</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="151"/>
        <source>imported: {added} added, {updated} updated, {audit} audit rows appended</source>
        <translation>importé&#xa0;: {added} ajout(s), {updated} mise(s) à jour, {audit} ligne(s) ajoutée(s) au journal d’audit</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="157"/>
        <source>{count} conflict(s) kept this database&apos;s value and wait for a choice in the window (File &gt; Resolve conflicts…)</source>
        <translation>{count} conflit(s) ont gardé la valeur de cette base de données et attendent un choix dans la fenêtre (Fichier &gt; Résoudre les conflits…)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_exchange.py" line="177"/>
        <source>questionnaire PDFs are not available in this version</source>
        <translation>les questionnaires PDF ne sont pas disponibles dans cette version</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_interviews.py" line="37"/>
        <source>{events} interview(s) and {todos} follow-up(s) written to {path}</source>
        <translation>{events} entretien(s) et {todos} suivi(s) écrits dans {path}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_reports.py" line="34"/>
        <source>--format json is only available for the summary report</source>
        <translation>--format json n’est disponible que pour le rapport de synthèse</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_reports.py" line="36"/>
        <source>a profile needs --mechanism ACRONYM</source>
        <translation>une fiche nécessite --mechanism SIGLE</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_reports.py" line="38"/>
        <source>the folder {folder} does not exist</source>
        <translation>le dossier {folder} n’existe pas</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_reports.py" line="57"/>
        <location filename="../../mcim_desk/cli_reports.py" line="107"/>
        <source>cannot write {path}: {problem}</source>
        <translation>impossible d’écrire {path}&#xa0;: {problem}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_reports.py" line="60"/>
        <source>report written to {path}</source>
        <translation>rapport écrit dans {path}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_reports.py" line="96"/>
        <source>a demo database is written to a new SQLite file: give --out a file name such as demo.sqlite3, not a database URL ({given})</source>
        <translation>une base de démonstration s’écrit dans un nouveau fichier SQLite&#xa0;: donnez à --out un nom de fichier tel que demo.sqlite3, et non une URL de base de données ({given})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_reports.py" line="109"/>
        <source>demo database written to {path}: {responses} responses, {interviews} interviews, {quotes} quotes, {codings} coded passages, {followups} follow-ups (all fictional)</source>
        <translation>base de démonstration écrite dans {path}&#xa0;: {responses} réponses, {interviews} entretiens, {quotes} citations, {codings} passages codés, {followups} suivis (tous fictifs)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_pdfform.py" line="36"/>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_pdfform.py" line="52"/>
        <source>unknown questionnaire action</source>
        <translation>action de questionnaire inconnue</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_pdfform.py" line="65"/>
        <source>fillable questionnaire written to {path}</source>
        <translation>questionnaire en PDF à remplir écrit dans {path}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_pdfform.py" line="88"/>
        <source>{file}: questionnaire of {mechanism}, form {form} version {version}</source>
        <translation>{file}&#xa0;: questionnaire de {mechanism}, formulaire {form} version {version}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_pdfform.py" line="99"/>
        <source>this mechanism has no questionnaire response yet: importing creates it</source>
        <translation>ce mécanisme n’a pas encore de réponse au questionnaire&#xa0;: l’importation la créera</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_pdfform.py" line="104"/>
        <source>differences: {changes}; same on both sides: {same}; changed here since the file was made (kept): {newer}; problems: {problems}</source>
        <translation>différences&#xa0;: {changes}&#x202f;; identiques des deux côtés&#xa0;: {same}&#x202f;; modifiées ici depuis la création du fichier (conservées)&#xa0;: {newer}&#x202f;; problèmes&#xa0;: {problems}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_pdfform.py" line="117"/>
        <source>• {question} [{path}]</source>
        <translation>• {question} [{path}]</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_pdfform.py" line="123"/>
        <source>in the database: {value}</source>
        <translation>dans la base de données&#xa0;: {value}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_pdfform.py" line="129"/>
        <source>in the PDF:      {value}</source>
        <translation>dans le PDF&#xa0;:             {value}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_pdfform.py" line="136"/>
        <source>not valid: {reason}</source>
        <translation>non valide&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_pdfform.py" line="144"/>
        <source>problem: {field}{question}: {message}</source>
        <translation>problème&#xa0;: {field}{question}&#xa0;: {message}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_pdfform.py" line="151"/>
        <source>nothing saved: review in the window (File &gt; Import a filled questionnaire (PDF)…) or run again with --accept-all to save every valid difference</source>
        <translation>rien n’a été enregistré&#xa0;: vérifiez dans la fenêtre (Fichier &gt; Importer un questionnaire rempli (PDF)…) ou relancez la commande avec --accept-all pour enregistrer toutes les différences valides</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_pdfform.py" line="161"/>
        <source>nothing to save: no valid difference</source>
        <translation>rien à enregistrer&#xa0;: aucune différence valide</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_pdfform.py" line="167"/>
        <source>not imported: {reason} Import it in the window to confirm.</source>
        <translation>non importé&#xa0;: {reason} Importez-le dans la fenêtre pour confirmer.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_pdfform.py" line="176"/>
        <source>imported: {changed} answer(s) saved, {removed} row(s) removed; response {id} is now {status}</source>
        <translation>importé&#xa0;: {changed} réponse(s) enregistrée(s), {removed} ligne(s) supprimée(s)&#x202f;; état du formulaire rempli {id}&#xa0;: {status}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_pdfform.py" line="189"/>
        <source>left out (not valid): {question}</source>
        <translation>non retenue (non valide)&#xa0;: {question}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_pdfform.py" line="197"/>
        <source>{count} answer(s) of the file left out: correct them in the window</source>
        <translation>{count} réponse(s) du fichier laissée(s) de côté&#xa0;: corrigez-les dans la fenêtre</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_search.py" line="30"/>
        <source>filter not understood, ignored: {filters}</source>
        <translation>filtre non compris, ignoré&#xa0;: {filters}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_search.py" line="43"/>
        <source>nothing to search for: type at least one word</source>
        <translation>rien à chercher&#xa0;: tapez au moins un mot</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli_search.py" line="45"/>
        <source>no match</source>
        <translation>aucun résultat</translation>
    </message>
</context>
<context>
    <name>CodeEditDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="63"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="63"/>
        <source>New code</source>
        <translation>Nouveau code</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="74"/>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="83"/>
        <source>(none: a top-level code)</source>
        <translation>(aucun&#xa0;: code de premier niveau)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="91"/>
        <source>Label (&amp;French)</source>
        <translation>Libellé (&amp;français)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="92"/>
        <source>Label (&amp;English)</source>
        <translation>Libellé (&amp;anglais)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="93"/>
        <source>&amp;Colour</source>
        <translation>C&amp;ouleur</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="96"/>
        <source>&amp;Parent code</source>
        <translation>Code &amp;parent</translation>
    </message>
</context>
<context>
    <name>CodeSelectionDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="389"/>
        <source>Code the selection</source>
        <translation>Coder la sélection</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="397"/>
        <source>Filter the codes…</source>
        <translation>Filtrer les codes…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="401"/>
        <source>&amp;New code…</source>
        <translation>&amp;Nouveau code…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="410"/>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="421"/>
        <source>Selected words</source>
        <translation>Mots sélectionnés</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="422"/>
        <source>Filter the codes</source>
        <translation>Filtrer les codes</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="423"/>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
</context>
<context>
    <name>CodebookDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="175"/>
        <source>New code {label}</source>
        <translation>Nouveau code {label}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="177"/>
        <source>Edit code {label}</source>
        <translation>Modifier le code {label}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="293"/>
        <source>New sub-code</source>
        <translation>Nouveau sous-code</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="318"/>
        <source>Delete a code</source>
        <translation>Supprimer un code</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="319"/>
        <source>“{label}” marks %n passage(s). Delete it from the codebook? (Undo brings it back.)</source>
        <translation>
            <numerusform>«&#xa0;{label}&#xa0;» marque %n passage(s). Le supprimer de la grille de codage&#x202f;? (Annuler le rétablit.)</numerusform>
            <numerusform>«&#xa0;{label}&#xa0;» marque %n passage(s). Le supprimer de la grille de codage&#x202f;? (Annuler le rétablit.)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="337"/>
        <source>Delete code {label}</source>
        <translation>Supprimer le code {label}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="346"/>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="355"/>
        <source>Codebook</source>
        <translation>Grille de codage</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="347"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="347"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="347"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="347"/>
        <source>Passages</source>
        <translation>Passages</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="348"/>
        <source>&amp;Add a code…</source>
        <translation>Ajouter un &amp;code…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="349"/>
        <source>Add a &amp;sub-code…</source>
        <translation>Ajouter un &amp;sous-code…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="350"/>
        <source>&amp;Edit…</source>
        <translation>Mo&amp;difier…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="351"/>
        <source>&amp;Delete</source>
        <translation>Supp&amp;rimer</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="352"/>
        <source>&amp;Undo</source>
        <translation>Défaire la dernière &amp;modification</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="356"/>
        <source>Codes mark passages of free-text answers (for example the study’s “facilitate dialogue”, “information notes”, “training workshops”). Select words in an answer and choose “Code selection…” in its menu.</source>
        <translation>Les codes marquent des passages des réponses libres (par exemple, dans l’étude, «&#xa0;faciliter le dialogue&#xa0;», «&#xa0;notes d’information&#xa0;», «&#xa0;ateliers de formation&#xa0;»). Sélectionnez des mots dans une réponse et choisissez «&#xa0;Coder la sélection…&#xa0;» dans son menu.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="493"/>
        <source>Code selection</source>
        <translation>Coder la sélection</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="494"/>
        <source>Select some words of a free-text answer first, then choose “Code selection…” in its menu.</source>
        <translation>Sélectionnez d’abord quelques mots d’une réponse libre, puis choisissez «&#xa0;Coder la sélection…&#xa0;» dans son menu.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="520"/>
        <source>Code a passage</source>
        <translation>Coder un passage</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/codebook_dialog.py" line="521"/>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
</context>
<context>
    <name>Conflict</name>
    <message>
        <location filename="../../mcim_desk/ui/conflict_dialog.py" line="39"/>
        <source>(no answer)</source>
        <translation>(pas de réponse)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/conflict_dialog.py" line="41"/>
        <source>Someone else changed the note on “{question}” since this window read it.</source>
        <translation>Quelqu’un d’autre a modifié la note sur «&#xa0;{question}&#xa0;» depuis que cette fenêtre l’a lue.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/conflict_dialog.py" line="45"/>
        <source>Someone else changed the answer to “{question}” since this window read it.</source>
        <translation>Quelqu’un d’autre a modifié la réponse à «&#xa0;{question}&#xa0;» depuis que cette fenêtre l’a lue.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/conflict_dialog.py" line="48"/>
        <source>Saved by {actor} on {when}</source>
        <translation>enregistrée par {actor} le {when}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/conflict_dialog.py" line="50"/>
        <source>Saved by someone else</source>
        <translation>enregistrée par quelqu’un d’autre</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/conflict_dialog.py" line="53"/>
        <source>Theirs: {value}</source>
        <translation>La sienne&#xa0;: {value}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/conflict_dialog.py" line="55"/>
        <source>Yours: {value}</source>
        <translation>La vôtre&#xa0;: {value}</translation>
    </message>
</context>
<context>
    <name>ConflictBox</name>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="328"/>
        <source>Keep the value here</source>
        <translation>Garder la valeur d’ici</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="330"/>
        <source>Take the bundle&apos;s value</source>
        <translation>Prendre la valeur du lot</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="332"/>
        <source>Type another value:</source>
        <translation>Saisir une autre valeur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="347"/>
        <source>Here</source>
        <translation>Ici</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="348"/>
        <source>In the bundle</source>
        <translation>Dans le lot</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="365"/>
        <source>no record of who changed it</source>
        <translation>aucune trace de l’auteur de la modification</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="366"/>
        <source>changed by {actor}, {when}</source>
        <translation>modifié par {actor}, {when}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="389"/>
        <source>Resolve conflicts</source>
        <translation>Résoudre les conflits</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="391"/>
        <source>These fields were changed both here and on another computer since they last exchanged data. Until you choose, the value here stays. A field left without a choice waits for later.</source>
        <translation>Ces champs ont été modifiés à la fois ici et sur un autre ordinateur depuis le dernier échange de données. Tant que vous n’avez pas choisi, la valeur d’ici est conservée. Un champ laissé sans choix reste en attente.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="409"/>
        <source>&amp;Apply my choices</source>
        <translation>&amp;Appliquer mes choix</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="412"/>
        <source>Decide &amp;later</source>
        <translation>Décider &amp;plus tard</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <location filename="../../mcim_desk/services/conflicts.py" line="49"/>
        <source>by {actor} at {when} UTC</source>
        <translation>par {actor} le {when} UTC</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/conflicts.py" line="51"/>
        <source>by someone else</source>
        <translation>par quelqu’un d’autre</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="439"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="450"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="452"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="452"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="453"/>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="453"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="454"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="454"/>
        <source>Time zone (IANA, e.g. America/Lima)</source>
        <translation>Fuseau horaire (IANA, p. ex. America/Lima)</translation>
    </message>
</context>
<context>
    <name>CountryPickerDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/country_picker.py" line="104"/>
        <source>Type a country’s name or ISO code</source>
        <translation>Tapez le nom d’un pays ou son code ISO</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/country_picker.py" line="112"/>
        <source>Show only the ticked countries</source>
        <translation>Afficher seulement les pays cochés</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/country_picker.py" line="127"/>
        <source>Enter ticks the first country shown; Ctrl+Return saves.</source>
        <translation>Entrée coche le premier pays affiché&#x202f;; Ctrl+Entrée enregistre.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/country_picker.py" line="162"/>
        <source>{n} State ticked</source>
        <translation>{n} État coché</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/country_picker.py" line="162"/>
        <source>{n} States ticked</source>
        <translation>{n} États cochés</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="189"/>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="201"/>
        <source>All regions</source>
        <translation>Toutes les régions</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="237"/>
        <source>No survey round yet.</source>
        <translation>Aucun cycle d’enquête pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="240"/>
        <source>Survey round {name}</source>
        <translation>Cycle d’enquête {name}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="252"/>
        <source>Overdue ({n})</source>
        <translation>En retard ({n})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="253"/>
        <source>Due today ({n})</source>
        <translation>Échéance aujourd’hui ({n})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="254"/>
        <source>This week ({n})</source>
        <translation>Cette semaine ({n})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="255"/>
        <source>Coming interviews ({n})</source>
        <translation>Entretiens à venir ({n})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="270"/>
        <source>Interview</source>
        <translation>Entretien</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="368"/>
        <source>{stage}: {members}</source>
        <translation>{stage}&#xa0;: {members}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="369"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="416"/>
        <source>Change the survey deadline</source>
        <translation>Modifier la date limite de l’enquête</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="424"/>
        <source>Export to a calendar</source>
        <translation>Exporter vers un calendrier</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="425"/>
        <source>iCalendar files (*.ics)</source>
        <translation>Fichiers iCalendar (*.ics)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="441"/>
        <source>Calendar written</source>
        <translation>Calendrier écrit</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="442"/>
        <source>{events} interview(s) and {todos} follow-up(s). Import the file in Outlook or Thunderbird; importing a later export updates the same entries.</source>
        <translation>{events} entretien(s) et {todos} suivi(s). Importez le fichier dans Outlook ou Thunderbird&#x202f;; l’importation d’un export ultérieur met à jour les mêmes entrées.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="449"/>
        <source>Calendar not written</source>
        <translation>Calendrier non écrit</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="450"/>
        <source>{path}: {error}</source>
        <translation>{path}&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="467"/>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="468"/>
        <source>&amp;Deadline:</source>
        <translation>Date &amp;limite&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="469"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="470"/>
        <source>&amp;Type:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="471"/>
        <source>Re&amp;gion:</source>
        <translation>Ré&amp;gion&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="472"/>
        <source>E&amp;xport to a calendar…</source>
        <translation>E&amp;xporter vers un calendrier…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="473"/>
        <source>To do (your time, {zone})</source>
        <translation>À faire (votre heure, {zone})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="474"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="474"/>
        <source>Mechanism</source>
        <translation>Mécanisme</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="474"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="474"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="475"/>
        <source>Mark as &amp;done</source>
        <translation>Marquer comme &amp;fait</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="476"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="477"/>
        <source>Show the &amp;mechanism</source>
        <translation>Afficher le &amp;mécanisme</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="478"/>
        <location filename="../../mcim_desk/ui/dashboard.py" line="484"/>
        <source>Progress of the study</source>
        <translation>Avancement de l’étude</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="479"/>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="479"/>
        <source>Mechanisms</source>
        <translation>Mécanismes</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dashboard.py" line="483"/>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <location filename="../../mcim_desk/services/demo.py" line="318"/>
        <source>{path} already exists: choose a new file name for the demo database.</source>
        <translation>{path} existe déjà&#xa0;: choisissez un nouveau nom de fichier pour la base de démonstration.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/demo.py" line="324"/>
        <source>The folder {folder} does not exist.</source>
        <translation>Le dossier {folder} n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/demo.py" line="346"/>
        <source>Creating the database…</source>
        <translation>Création de la base de données…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/demo.py" line="359"/>
        <location filename="../../mcim_desk/services/demo.py" line="372"/>
        <source>Entering fictional questionnaires…</source>
        <translation>Saisie de questionnaires fictifs…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/demo.py" line="375"/>
        <source>Recording fictional interviews…</source>
        <translation>Enregistrement d’entretiens fictifs…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/demo.py" line="377"/>
        <source>Coding answers and saving quotes…</source>
        <translation>Codage des réponses et enregistrement des citations…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/demo.py" line="385"/>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="291"/>
        <source>Create a demo database</source>
        <translation>Créer une base de démonstration</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="292"/>
        <source>SQLite databases (*.sqlite3)</source>
        <translation>Bases SQLite (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="298"/>
        <source>Creating the demo database…</source>
        <translation>Création de la base de démonstration…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="314"/>
        <source>The demo database was created:
{path}

Everything in it is fictional. Open it in a new window?</source>
        <translation>La base de démonstration a été créée&#xa0;:
{path}

Tout son contenu est fictif. L’ouvrir dans une nouvelle fenêtre&#x202f;?</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="316"/>
        <source>Demo database created</source>
        <translation>Base de démonstration créée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="322"/>
        <source>Demo database not created</source>
        <translation>Base de démonstration non créée</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="346"/>
        <source>FICTIONAL DATA — DEMONSTRATION: everything in this database is invented</source>
        <translation>DONNÉES FICTIVES — DÉMONSTRATION&#xa0;: tout le contenu de cette base est inventé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="347"/>
        <source>Demonstration</source>
        <translation>Démonstration</translation>
    </message>
</context>
<context>
    <name>EditConflictDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/conflict_dialog.py" line="68"/>
        <source>Changed by someone else</source>
        <translation>Modifié par quelqu’un d’autre</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/conflict_dialog.py" line="74"/>
        <source>Someone else changed the note on “{question}” since this window read it. Nothing was overwritten: choose the note to keep.</source>
        <translation>Quelqu’un d’autre a modifié la note sur «&#xa0;{question}&#xa0;» depuis que cette fenêtre l’a lue. Rien n’a été écrasé&#xa0;: choisissez la note à garder.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/conflict_dialog.py" line="78"/>
        <source>Someone else changed the answer to “{question}” since this window read it. Nothing was overwritten: choose the answer to keep.</source>
        <translation>Quelqu’un d’autre a modifié la réponse à «&#xa0;{question}&#xa0;» depuis que cette fenêtre l’a lue. Rien n’a été écrasé&#xa0;: choisissez la réponse à garder.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/conflict_dialog.py" line="81"/>
        <source>Theirs — saved by {actor} on {when}</source>
        <translation>La sienne — enregistrée par {actor} le {when}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/conflict_dialog.py" line="82"/>
        <source>Theirs — saved by someone else</source>
        <translation>La sienne — enregistrée par quelqu’un d’autre</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/conflict_dialog.py" line="87"/>
        <source>Yours — typed in this window</source>
        <translation>La vôtre — saisie dans cette fenêtre</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/conflict_dialog.py" line="91"/>
        <source>Keep mine (replace theirs)</source>
        <translation>Garder la mienne (remplace la sienne)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/conflict_dialog.py" line="93"/>
        <source>Take theirs</source>
        <translation>Prendre la sienne</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/conflict_dialog.py" line="100"/>
        <source>The value not kept stays in the response’s history.</source>
        <translation>La valeur non retenue reste dans l’historique de la réponse.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/conflict_dialog.py" line="114"/>
        <source>(no answer)</source>
        <translation>(pas de réponse)</translation>
    </message>
</context>
<context>
    <name>EngineMessages</name>
    <message>
        <location filename="../../mcim_desk/services/engine_messages.py" line="10"/>
        <source>the file is not a database, or it is encrypted or too damaged to be read.</source>
        <translation>le fichier n’est pas une base de données, ou il est chiffré ou trop endommagé pour être lu.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/engine_messages.py" line="13"/>
        <source>another program is using the database; try again once it has finished.</source>
        <translation>un autre programme utilise la base de données&#x202f;; réessayez quand il aura terminé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/engine_messages.py" line="16"/>
        <source>the disk could not be read or written (it may have been removed, or it is failing).</source>
        <translation>le disque n’a pas pu être lu ou écrit (il a peut-être été retiré, ou il est défaillant).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/engine_messages.py" line="19"/>
        <source>the database cannot be written (the file or its folder is read-only).</source>
        <translation>la base de données ne peut pas être modifiée (le fichier ou son dossier est en lecture seule).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/engine_messages.py" line="22"/>
        <source>the disk is full.</source>
        <translation>le disque est plein.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/engine_messages.py" line="24"/>
        <source>the database file could not be opened (check that it exists and that you may read it).</source>
        <translation>le fichier de la base de données n’a pas pu être ouvert (vérifiez qu’il existe et que vous pouvez le lire).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/engine_messages.py" line="27"/>
        <source>the database file is damaged.</source>
        <translation>le fichier de la base de données est endommagé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/engine_messages.py" line="29"/>
        <source>the database file is damaged: its integrity check found errors.</source>
        <translation>le fichier de la base de données est endommagé&#xa0;: son contrôle d’intégrité a trouvé des erreurs.</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <location filename="../../mcim_desk/persistence/bundle_records.py" line="203"/>
        <source>{entry}, row {row}: “{column}” holds a NUL character, which no text typed in MCIM Desk holds (a damaged or hand-made file).</source>
        <translation>{entry}, ligne {row}&#xa0;: «&#xa0;{column}&#xa0;» contient un caractère NUL, qu’aucun texte saisi dans MCIM Desk ne contient (fichier endommagé ou fabriqué à la main).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/persistence/bundle_records.py" line="207"/>
        <location filename="../../mcim_desk/persistence/bundle_records.py" line="412"/>
        <source>{entry}, row {row}: “{column}” is missing or not text.</source>
        <translation>{entry}, ligne {row}&#xa0;: «&#xa0;{column}&#xa0;» manque ou n’est pas du texte.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/persistence/bundle_records.py" line="211"/>
        <source>{entry}, row {row}: “{column}” is not a valid date and time (YYYY-MM-DD HH:MM:SS.ffffff).</source>
        <translation>{entry}, ligne {row}&#xa0;: «&#xa0;{column}&#xa0;» n’est pas une date et heure valide (AAAA-MM-JJ HH:MM:SS.ffffff).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/persistence/bundle_records.py" line="253"/>
        <source>{entry}, row {row}: the answer to “{question}” has {length} characters, more than the limit of {limit}.</source>
        <translation>{entry}, ligne {row}&#xa0;: la réponse à «&#xa0; {question} &#xa0;» compte {length} caractères, au-delà de la limite de {limit}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/persistence/bundle_records.py" line="257"/>
        <source>{entry}, row {row}: the note on “{question}” has {length} characters, more than the limit of {limit}.</source>
        <translation>{entry}, ligne {row}&#xa0;: la note sur «&#xa0; {question} &#xa0;» compte {length} caractères, au-delà de la limite de {limit}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/persistence/bundle_records.py" line="260"/>
        <source>{entry}, row {row}: “{column}” has {length} characters, more than the limit of {limit}.</source>
        <translation>{entry}, ligne {row}&#xa0;: «&#xa0; {column} &#xa0;» compte {length} caractères, au-delà de la limite de {limit}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/persistence/bundle_records.py" line="391"/>
        <source>{entry}: unexpected object “{name}” (an SQL {kind}).</source>
        <translation>{entry}&#xa0;: objet inattendu «&#xa0;{name}&#xa0;» (de type SQL {kind}).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/persistence/bundle_records.py" line="398"/>
        <source>{entry}: table “{name}” is not made as a bundle&apos;s tables are.</source>
        <translation>{entry}&#xa0;: la table «&#xa0;{name}&#xa0;» n’est pas faite comme celles d’un lot.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/persistence/bundle_records.py" line="405"/>
        <source>{entry}: unknown column “{column}” (a bundle from a newer MCIM Desk?).</source>
        <translation>{entry}&#xa0;: colonne inconnue «&#xa0;{column}&#xa0;» (lot créé par une version plus récente de MCIM Desk&#x202f;?).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/persistence/bundle_records.py" line="421"/>
        <source>{entry}: the text is stored as {encoding}, not UTF-8.</source>
        <translation>{entry}&#xa0;: le texte est enregistré en {encoding}, pas en UTF-8.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/persistence/bundle_records.py" line="434"/>
        <source>{entry} is not a readable SQLite database ({error}).</source>
        <translation>{entry} n’est pas une base SQLite lisible ({error}).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/persistence/bundle_records.py" line="213"/>
        <source>{entry}, row {row}: “{column}” holds a value of the wrong type.</source>
        <translation>{entry}, ligne {row}&#xa0;: «&#xa0;{column}&#xa0;» contient une valeur d’un type incorrect.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange.py" line="290"/>
        <source>{entry}, row {row}: the id {id} appears twice.</source>
        <translation>{entry}, ligne {row}&#xa0;: l’identifiant {id} apparaît deux fois.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachment_exchange.py" line="45"/>
        <source>The attached files of this bundle come to {size}, more than a bundle may carry ({limit}): nothing was written. Export in several steps (--since-last after each import), or save the largest files apart.</source>
        <translation>Les fichiers joints de ce lot font {size}, plus qu’un lot ne peut en porter ({limit})&#xa0;: rien n’a été écrit. Exportez en plusieurs fois (--since-last après chaque import) ou enregistrez à part les fichiers les plus gros.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachment_exchange.py" line="54"/>
        <location filename="../../mcim_desk/services/exchange.py" line="230"/>
        <source>{file}: </source>
        <translation>{file}&#xa0;: </translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachment_exchange.py" line="69"/>
        <source>the attached file “{name}” does not match its SHA-256 (the bundle was altered or damaged); nothing was imported.</source>
        <translation>le fichier joint «&#xa0;{name}&#xa0;» ne correspond pas à son SHA-256 (le lot a été modifié ou endommagé)&#xa0;; rien n’a été importé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachment_exchange.py" line="73"/>
        <source>the attached file “{name}” has {size}, more than the limit of {limit}; nothing was imported.</source>
        <translation>le fichier joint «&#xa0;{name}&#xa0;» fait {size}, plus que la limite de {limit}&#xa0;; rien n’a été importé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachment_exchange.py" line="77"/>
        <source>the attached file “{name}” has a name no file of MCIM Desk has (a folder, a character a file name may not hold); nothing was imported.</source>
        <translation>le fichier joint «&#xa0;{name}&#xa0;» porte un nom qu’aucun fichier de MCIM Desk ne porte (un dossier, un caractère interdit dans un nom de fichier)&#xa0;; rien n’a été importé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachment_exchange.py" line="81"/>
        <source>the attached file “{name}” is listed without its content (a damaged bundle); nothing was imported.</source>
        <translation>le fichier joint «&#xa0;{name}&#xa0;» est inscrit sans son contenu (un lot endommagé)&#xa0;; rien n’a été importé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachment_exchange.py" line="85"/>
        <source>{entry} is not made as a bundle’s attachments are ({detail}); nothing was imported.</source>
        <translation>{entry} n’est pas fait comme les fichiers joints d’un lot ({detail})&#xa0;; rien n’a été importé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachment_exchange.py" line="102"/>
        <source>the attached file “{name}” belongs to a response that is neither in the bundle nor in this database; nothing was imported.</source>
        <translation>le fichier joint «&#xa0;{name}&#xa0;» appartient à une réponse qui n’est ni dans le lot ni dans cette base de données&#xa0;; rien n’a été importé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachment_exchange.py" line="107"/>
        <source>the attached file “{name}” is another file than the one of that name here; nothing was imported.</source>
        <translation>le fichier joint «&#xa0;{name}&#xa0;» est un autre fichier que celui de ce nom ici&#xa0;; rien n’a été importé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange.py" line="251"/>
        <source>the bundle comes from a newer MCIM Desk (database schema {revision}): update this program first.</source>
        <translation>le lot provient d’une version plus récente de MCIM Desk (schéma de base de données {revision})&#xa0;: mettez d’abord ce programme à jour.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange.py" line="256"/>
        <source>unexpected entry “{name}”.</source>
        <translation>entrée inattendue «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange.py" line="258"/>
        <source>the bundle has no records ({entry}).</source>
        <translation>le lot ne contient pas d’enregistrements ({entry}).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange.py" line="298"/>
        <source>forms.json is malformed.</source>
        <translation>forms.json est mal formé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange.py" line="426"/>
        <source>its audit log holds rows about “{entity}”, which is not something MCIM Desk records: the bundle is damaged or was not written by MCIM Desk.</source>
        <translation>son journal d’audit contient des lignes sur «&#xa0;{entity}&#xa0;», que MCIM Desk n’enregistre pas&#xa0;: le lot est endommagé ou n’a pas été écrit par MCIM Desk.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange.py" line="432"/>
        <source>its audit log holds rows about {count} record(s) that are neither in the bundle nor in this database (first: {entity} {id}). A bundle made with --since-last needs the earlier bundles from that laptop first (or ask for a full bundle); otherwise the bundle is damaged or was not written by MCIM Desk. Nothing was imported.</source>
        <translation>son journal d’audit contient des lignes sur {count} enregistrement(s) qui ne sont ni dans le lot ni dans cette base (le premier&#xa0;: {entity} {id}). Un lot fait avec --since-last demande d’importer d’abord les lots précédents de cet ordinateur (ou demandez un lot complet)&#xa0;; sinon, le lot est endommagé ou n’a pas été écrit par MCIM Desk. Rien n’a été importé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange.py" line="445"/>
        <source>{count} record(s) refer to data that is neither in the bundle nor in this database (first: {table}.{column} = {value}). Import the earlier bundles from that laptop first, or ask for a full bundle (without --since-last).</source>
        <translation>{count} enregistrement(s) font référence à des données qui ne sont ni dans le lot ni dans cette base de données (premier cas&#xa0;: {table}.{column} = {value}). Importez d’abord les lots antérieurs provenant de cet ordinateur portable, ou demandez un lot complet (sans --since-last).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange.py" line="518"/>
        <source>the bundle holds a record twice, or one that clashes with a different record here; nothing was imported ({error}).</source>
        <translation>le lot contient un enregistrement en double, ou un enregistrement qui en contredit un autre ici&#x202f;; rien n’a été importé ({error}).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="119"/>
        <source>“{value}” is not a valid value for {field}.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une valeur valide pour {field}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="327"/>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="345"/>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="329"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="329"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="393"/>
        <source>interview guide</source>
        <translation>guide d’entretien</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="395"/>
        <source>questionnaire</source>
        <translation>questionnaire</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="405"/>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="450"/>
        <source>Acronym (French)</source>
        <translation>Sigle (français)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="451"/>
        <source>Acronym (English)</source>
        <translation>Sigle (anglais)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="452"/>
        <source>Name (French)</source>
        <translation>Nom (français)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="453"/>
        <source>Name (English)</source>
        <translation>Nom (anglais)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="454"/>
        <source>Member states</source>
        <translation>États membres</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="455"/>
        <source>Member States</source>
        <translation>États membres</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="456"/>
        <source>Source of the membership list</source>
        <translation>Source de la liste des membres</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="457"/>
        <source>Chair country</source>
        <translation>Pays de la présidence</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="458"/>
        <source>Website</source>
        <translation>Site Internet</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="459"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="460"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="461"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="462"/>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="463"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="464"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="465"/>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="466"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="467"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="468"/>
        <source>Deleted (tombstone)</source>
        <translation>Supprimé (marque de suppression)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="469"/>
        <source>Due date (UTC)</source>
        <translation>Échéance (UTC)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="470"/>
        <source>Planned start (UTC)</source>
        <translation>Début prévu (UTC)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/exchange_conflicts.py" line="471"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
</context>
<context>
    <name>ExchangeDialogs</name>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="447"/>
        <source>MCIM Desk bundles</source>
        <translation>Lots d’échange MCIM Desk</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="457"/>
        <source>Export a bundle</source>
        <translation>Exporter un lot d’échange</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="469"/>
        <source>Bundle written</source>
        <translation>Lot d’échange écrit</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="470"/>
        <source>{responses} responses, {answers} answers, {audit} audit rows{since}.</source>
        <translation>{responses} formulaires remplis, {answers} réponses, {audit} lignes du journal d’audit{since}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="473"/>
        <source> changed since the last bundle</source>
        <translation> (modifications depuis le dernier lot)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="478"/>
        <source>Bundle not written</source>
        <translation>Lot d’échange non écrit</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="496"/>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="499"/>
        <source>Export spreadsheets</source>
        <translation>Exporter en tableur</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="497"/>
        <source>Excel workbooks</source>
        <translation>Classeurs Excel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="500"/>
        <source>CSV files</source>
        <translation>Fichiers CSV</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="510"/>
        <source>Attached files: {count} in {folder}</source>
        <translation>Fichiers joints&#xa0;: {count} dans {folder}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="512"/>
        <source>Spreadsheets written</source>
        <translation>Fichiers tableur écrits</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="516"/>
        <source>Spreadsheets not written</source>
        <translation>Fichiers tableur non écrits</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="533"/>
        <source>Import a bundle</source>
        <translation>Importer un lot d’échange</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="550"/>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="573"/>
        <source>Bundle not imported</source>
        <translation>Lot d’échange non importé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="564"/>
        <source>Bundle imported: {added} added, {updated} updated, {pending} conflict(s) to resolve.</source>
        <translation>Lot d’échange importé&#xa0;: {added} ajout(s), {updated} mise(s) à jour, {pending} conflit(s) à résoudre.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="587"/>
        <source>Resolve conflicts</source>
        <translation>Résoudre les conflits</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="587"/>
        <source>No conflict is waiting for a choice.</source>
        <translation>Aucun conflit n’attend de choix.</translation>
    </message>
</context>
<context>
    <name>ExchangeMenu</name>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="216"/>
        <source>Export a bu&amp;ndle…</source>
        <translation>Exporter un &amp;lot d’échange…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="219"/>
        <source>&amp;Import a bundle…</source>
        <translation>&amp;Importer un lot d’échange…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="222"/>
        <source>Export &amp;spreadsheets…</source>
        <translation>Exporter en &amp;tableur…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="225"/>
        <source>Resol&amp;ve conflicts…</source>
        <translation>Résoudre les c&amp;onflits…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="234"/>
        <source>Import Kobo / ODK &amp;JSON…</source>
        <translation>Importer du &amp;JSON Kobo / ODK…</translation>
    </message>
</context>
<context>
    <name>ExportBundleDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="122"/>
        <source>Export a bundle</source>
        <translation>Exporter un lot d’échange</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="124"/>
        <source>A bundle holds what you typed here (answers, interviews, quotes, follow-ups, contacts, mechanism edits and the audit log) for the secretariat to import.</source>
        <translation>Un lot d’échange contient ce que vous avez saisi ici (réponses, entretiens, citations, suivis, contacts, modifications des mécanismes et journal d’audit), pour que le secrétariat l’importe.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="126"/>
        <source>&amp;Only what changed since the last bundle written to the same folder</source>
        <translation>&amp;Seulement ce qui a changé depuis le dernier lot écrit dans le même dossier</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="128"/>
        <source>&amp;Encrypt with a passphrase</source>
        <translation>&amp;Chiffrer avec une phrase secrète</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="140"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="141"/>
        <source>A&amp;gain:</source>
        <translation>C&amp;onfirmation&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="145"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="167"/>
        <source>Type a passphrase, or untick “Encrypt”.</source>
        <translation>Saisissez une phrase secrète, ou décochez «&#xa0;Chiffrer&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="171"/>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes sont différentes.</translation>
    </message>
</context>
<context>
    <name>FileWritten</name>
    <message>
        <location filename="../../mcim_desk/ui/dialogs.py" line="130"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dialogs.py" line="133"/>
        <source>Show in &amp;folder</source>
        <translation>Afficher dans le &amp;dossier</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/dialogs.py" line="136"/>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/file_written.py" line="26"/>
        <source>Written to:</source>
        <translation>Écrit dans&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/file_written.py" line="27"/>
        <source>Written to these files:</source>
        <translation>Écrit dans ces fichiers&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/file_written.py" line="31"/>
        <source>File not opened</source>
        <translation>Fichier non ouvert</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/file_written.py" line="31"/>
        <source>No program could be started to open {file}. The file is written; open it from its folder:
{folder}</source>
        <translation>Aucun programme n’a pu être lancé pour ouvrir {file}. Le fichier est bien écrit&#x202f;; ouvrez-le depuis son dossier&#xa0;:
{folder}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/file_written.py" line="35"/>
        <source>Folder not shown</source>
        <translation>Dossier non affiché</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/file_written.py" line="35"/>
        <source>No file manager could be started to show the folder {folder}. {file} is there.</source>
        <translation>Aucun gestionnaire de fichiers n’a pu être lancé pour afficher le dossier {folder}. {file} s’y trouve.</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/first_start.py" line="73"/>
        <source>Welcome to MCIM Desk</source>
        <translation>Bienvenue dans MCIM Desk</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/first_start.py" line="75"/>
        <source>Your name is written beside every change you make (the history of each answer) and on the follow-ups you own; colleagues see it when they merge your data.</source>
        <translation>Votre nom est inscrit à côté de chaque modification que vous faites (l’historique de chaque réponse) et sur les suivis dont vous êtes responsable&#x202f;; vos collègues le voient quand ils fusionnent vos données.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/first_start.py" line="77"/>
        <source>&amp;Your name:</source>
        <translation>&amp;Votre nom&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/first_start.py" line="78"/>
        <source>You can change it later in Edit &gt; Preferences.</source>
        <translation>Vous pourrez le changer plus tard dans Édition &gt; Préférences.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/first_start.py" line="79"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/first_start.py" line="80"/>
        <source>S&amp;kip (keep “{login}”)</source>
        <translation>&amp;Passer (garder «&#xa0;{login}&#xa0;»)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/first_start.py" line="94"/>
        <source>Type your name, or choose Skip.</source>
        <translation>Tapez votre nom, ou choisissez Passer.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/first_start.py" line="96"/>
        <source>Your name has {count} characters, more than the limit of {limit}.</source>
        <translation>Votre nom compte {count} caractères, plus que la limite de {limit}.</translation>
    </message>
</context>
<context>
    <name>FollowUps</name>
    <message>
        <location filename="../../mcim_desk/services/progress.py" line="36"/>
        <source>{count} of {total}</source>
        <translation>{count} sur {total}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="76"/>
        <location filename="../../mcim_desk/services/search.py" line="42"/>
        <source>Send the questions</source>
        <translation>Envoyer les questions</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="77"/>
        <location filename="../../mcim_desk/services/search.py" line="43"/>
        <source>Reminder</source>
        <translation>Relance</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="78"/>
        <location filename="../../mcim_desk/services/search.py" line="44"/>
        <source>Schedule an interview</source>
        <translation>Planifier un entretien</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="79"/>
        <location filename="../../mcim_desk/services/search.py" line="45"/>
        <source>Clarify an answer</source>
        <translation>Clarifier une réponse</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="80"/>
        <location filename="../../mcim_desk/services/search.py" line="46"/>
        <source>Send notes for validation</source>
        <translation>Envoyer les notes pour validation</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="81"/>
        <location filename="../../mcim_desk/services/search.py" line="47"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="88"/>
        <source>Open</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="89"/>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="90"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="97"/>
        <source>Not contacted</source>
        <translation>Non contacté</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="98"/>
        <source>Questionnaire sent</source>
        <translation>Questionnaire envoyé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="99"/>
        <source>Reminded</source>
        <translation>Relancé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="100"/>
        <source>Questionnaire received</source>
        <translation>Questionnaire reçu</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="101"/>
        <source>Entered</source>
        <translation>Saisi</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="102"/>
        <source>Validated</source>
        <translation>Validé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="103"/>
        <source>Interviewed</source>
        <translation>Entretien réalisé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="182"/>
        <source>There is no follow-up {id}.</source>
        <translation>Le suivi {id} n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="192"/>
        <source>This text is too long ({count} characters, at most {limit}).</source>
        <translation>Ce texte est trop long ({count} caractères, {limit} au maximum).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="212"/>
        <source>The due date must be a date and time.</source>
        <translation>L’échéance doit être une date et une heure.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="219"/>
        <source>This field cannot be edited: {field}</source>
        <translation>Ce champ ne peut pas être modifié&#xa0;: {field}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="262"/>
        <source>There is no mechanism {id}.</source>
        <translation>Le mécanisme {id} n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="370"/>
        <source>This follow-up was changed {by} since this window read it: your change was not saved.</source>
        <translation>Ce suivi a été modifié {by} depuis que cette fenêtre l’a lu&#xa0;: votre modification n’a pas été enregistrée.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="449"/>
        <source>There is no response {id}.</source>
        <translation>La réponse {id} n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/followups.py" line="452"/>
        <source>Choose the answer to clarify.</source>
        <translation>Choisissez la réponse à clarifier.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/rounds.py" line="85"/>
        <source>There is no survey round {id}.</source>
        <translation>Le cycle d’enquête {id} n’existe pas.</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="183"/>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="199"/>
        <source>Follow-up done</source>
        <translation>Suivi fait</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="200"/>
        <source>Follow-up cancelled</source>
        <translation>Suivi annulé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="201"/>
        <source>Follow-up reopened</source>
        <translation>Suivi rouvert</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="405"/>
        <location filename="../../mcim_desk/ui/followups_page.py" line="667"/>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="410"/>
        <source>Follow-ups — {acronym}</source>
        <translation>Suivis — {acronym}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="413"/>
        <source>Questionnaire of the current round: not sent yet.</source>
        <translation>Questionnaire du cycle en cours&#xa0;: pas encore envoyé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="415"/>
        <source>Questionnaire of the current round sent on {when}.</source>
        <translation>Questionnaire du cycle en cours envoyé le {when}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="444"/>
        <source>Answer to question {n}</source>
        <translation>Réponse à la question {n}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="445"/>
        <source>Answer {path}</source>
        <translation>Réponse {path}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="447"/>
        <source>Interview</source>
        <translation>Entretien</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="449"/>
        <source>Questionnaire</source>
        <translation>Questionnaire</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="525"/>
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="525"/>
        <source>due date</source>
        <translation>échéance</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="525"/>
        <source>owner</source>
        <translation>responsable</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="526"/>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="559"/>
        <source>Follow-up: edit {field}</source>
        <translation>Suivi&#xa0;: modifier {field}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="586"/>
        <source>New follow-up</source>
        <translation>Nouveau suivi</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="610"/>
        <source>Mark the questionnaire as sent</source>
        <translation>Marquer le questionnaire comme envoyé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="626"/>
        <source>Due (your time)</source>
        <translation>Échéance (votre heure)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="626"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="626"/>
        <source>Mechanism</source>
        <translation>Mécanisme</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="626"/>
        <source>About</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="627"/>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="627"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="627"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="629"/>
        <source>Mark the questionnaire as &amp;sent</source>
        <translation>Marquer le questionnaire comme &amp;envoyé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="630"/>
        <source>Records today as the sending date and creates a reminder before the survey round’s deadline.</source>
        <translation>Enregistre aujourd’hui comme date d’envoi et crée une relance avant la date limite du cycle d’enquête.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="632"/>
        <source>&amp;All mechanisms</source>
        <translation>Tous les &amp;mécanismes</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="633"/>
        <source>Sho&amp;w:</source>
        <translation>Affic&amp;her&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="638"/>
        <source>Open</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="639"/>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="640"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="641"/>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="643"/>
        <source>&amp;New follow-up</source>
        <translation>&amp;Nouveau suivi</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="644"/>
        <source>Selected follow-up</source>
        <translation>Suivi sélectionné</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="651"/>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="653"/>
        <source>D&amp;ue (your time)</source>
        <translation>É&amp;chéance (votre heure)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="655"/>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>AAAA-MM-JJ HH:MM</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="656"/>
        <source>O&amp;wner</source>
        <translation>Res&amp;ponsable</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="658"/>
        <source>N&amp;otes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="660"/>
        <source>&amp;Done</source>
        <translation>&amp;Fait</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="661"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="662"/>
        <source>&amp;Cancel it</source>
        <translation>&amp;Annuler le suivi</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/followups_page.py" line="663"/>
        <source>&amp;Reopen</source>
        <translation>&amp;Rouvrir</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <location filename="../../mcim_desk/ui/form_view.py" line="82"/>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/form_view.py" line="260"/>
        <source>Answer to {question}</source>
        <translation>Réponse ({question})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/form_view.py" line="282"/>
        <source>Validated response</source>
        <translation>Réponse validée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/form_view.py" line="283"/>
        <source>This response has been validated by the secretariat. Changing an answer takes it back to “complete” until it is validated again. Change it?</source>
        <translation>Cette réponse a été validée par le secrétariat. Modifier une réponse la remet à l’état «&#xa0;complète&#xa0;» jusqu’à une nouvelle validation. La modifier&#x202f;?</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/form_view.py" line="341"/>
        <source>Answer not saved</source>
        <translation>Réponse non enregistrée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/form_view.py" line="377"/>
        <source>Note on {question}</source>
        <translation>Note sur {question}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/form_view.py" line="402"/>
        <source>Entries changed elsewhere</source>
        <translation>Entrées modifiées ailleurs</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/form_view.py" line="403"/>
        <source>The entries as they are saved now are shown: make your change again if it is still needed.</source>
        <translation>Les entrées sont affichées telles qu’elles sont enregistrées maintenant&#xa0;: refaites votre modification si elle est toujours utile.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/form_view.py" line="407"/>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/form_view.py" line="424"/>
        <source>Add an entry</source>
        <translation>Ajouter une entrée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/form_view.py" line="441"/>
        <source>Remove an entry</source>
        <translation>Retirer une entrée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/form_view.py" line="456"/>
        <source>Move an entry</source>
        <translation>Déplacer une entrée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/form_view.py" line="522"/>
        <source>{filled} of {relevant} questions answered ({answered} of {required} required), {errors} to look at</source>
        <translation>{filled} questions répondues sur {relevant} ({answered} obligatoires sur {required}), {errors} à revoir</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/form_view.py" line="631"/>
        <source>Form &amp;language:</source>
        <translation>&amp;Langue du formulaire&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/form_view.py" line="634"/>
        <source>as the interface</source>
        <translation>celle de l’interface</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/form_view.py" line="642"/>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/form_view.py" line="673"/>
        <source>The connection to the database server was lost. Nothing was saved: check the network connection or the VPN, then try again.</source>
        <translation>La connexion au serveur de base de données a été perdue. Rien n’a été enregistré&#xa0;: vérifiez la connexion au réseau ou le VPN, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/form_view.py" line="676"/>
        <source>The database refused the save ({error}). Nothing was saved: try again; the log has the details.</source>
        <translation>La base de données a refusé l’enregistrement ({error}). Rien n’a été enregistré&#xa0;: réessayez&#x202f;; le journal contient les détails.</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../mcim_desk/forms/answer_types.py" line="119"/>
        <source>“{value}” is not a whole number.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un nombre entier.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/answer_types.py" line="86"/>
        <location filename="../../mcim_desk/forms/answer_types.py" line="121"/>
        <source>“{value}” is not a number: write decimals with a point, as in 2.5.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un nombre&#xa0;: écrivez les décimales avec un point, comme dans 2.5.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/answer_types.py" line="61"/>
        <source>“{value}” is not a position: write the latitude and longitude in decimal degrees, as in 14.69 -17.44 (then altitude and accuracy in metres if known).</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une position&#xa0;: écrivez la latitude et la longitude en degrés décimaux, par exemple 14.69 -17.44 (puis l’altitude et la précision en mètres si vous les connaissez).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/answer_types.py" line="67"/>
        <source>A point has one position: “{value}” has {count}.</source>
        <translation>Un point a une seule position&#xa0;: «&#xa0;{value}&#xa0;» en a {count}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/answer_types.py" line="71"/>
        <source>A line needs at least 2 positions separated by “;”.</source>
        <translation>Une ligne demande au moins 2 positions séparées par «&#xa0;;&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/answer_types.py" line="77"/>
        <source>A shape needs at least 3 positions separated by “;”, the last one repeating the first.</source>
        <translation>Une forme demande au moins 3 positions séparées par «&#xa0;;&#xa0;», la dernière reprenant la première.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/answer_types.py" line="95"/>
        <source>“{value}” is outside the range {start} to {end}.</source>
        <translation>«&#xa0;{value}&#xa0;» est hors de l’intervalle de {start} à {end}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/answer_types.py" line="101"/>
        <source>“{value}” is not on a step of {step} from {start}.</source>
        <translation>«&#xa0;{value}&#xa0;» ne tombe pas sur un pas de {step} à partir de {start}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/answer_types.py" line="134"/>
        <source>“{value}” is not a date: write it as YYYY-MM-DD</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une date&#xa0;: écrivez-la sous la forme AAAA-MM-JJ</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/answer_types.py" line="136"/>
        <source>“{value}” is not a time: write it as HH:MM, as in 09:30</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une heure&#xa0;: écrivez-la sous la forme HH:MM, par exemple 09:30</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/answer_types.py" line="138"/>
        <source>“{value}” is not a date and time: write it as YYYY-MM-DDTHH:MM, as in 2018-11-09T14:30</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une date et heure&#xa0;: écrivez-la sous la forme AAAA-MM-JJTHH:MM, par exemple 2018-11-09T14:30</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/answer_types.py" line="147"/>
        <source>“{value}” is not a file name.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un nom de fichier.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/answer_types.py" line="149"/>
        <source>An acknowledgement is “OK” or nothing.</source>
        <translation>Une confirmation vaut «&#xa0;OK&#xa0;» ou rien.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/answer_types.py" line="156"/>
        <source>“{value}” is not one of the choices.</source>
        <translation>«&#xa0;{value}&#xa0;» ne fait pas partie des choix.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/answer_types.py" line="158"/>
        <source>Each choice may be ranked only once.</source>
        <translation>Chaque choix ne peut être classé qu’une fois.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/engine.py" line="492"/>
        <source>This answer is required.</source>
        <translation>Cette réponse est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/engine.py" line="496"/>
        <source>This answer is not valid.</source>
        <translation>Cette réponse n’est pas valide.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="115"/>
        <source>the question {name} ({type}) is drawn on a screen, which this program cannot do: make it an image question to attach a scan</source>
        <translation>la question {name} ({type}) se dessine sur un écran, ce que ce programme ne sait pas faire&#xa0;: faites-en une question image pour y joindre un scan</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="120"/>
        <source>the question {name} ({type}) needs a map, which this program has not</source>
        <translation>la question {name} ({type}) demande une carte, que ce programme n’a pas</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="137"/>
        <source>row {row}: {message}</source>
        <translation>ligne {row}&#xa0;: {message}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="160"/>
        <source>{path}: no such file</source>
        <translation>{path}&#xa0;: fichier introuvable</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="166"/>
        <source>{path}: an XLSForm must be a .xlsx, .md or .csv file</source>
        <translation>{path}&#xa0;: un XLSForm doit être un fichier .xlsx, .md ou .csv</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="177"/>
        <source>{file} has no “survey” sheet: it is not an XLSForm (a choices or data list that sits beside a form, perhaps)</source>
        <translation>{file} n’a pas de feuille «&#xa0;survey&#xa0;»&#xa0;: ce n’est pas un XLSForm (peut-être une liste de choix ou de données placée à côté d’un formulaire)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="190"/>
        <source>the XLSForm reader stopped on this file ({detail}): check its sheets and headers against an XLSForm template</source>
        <translation>le lecteur de XLSForm s’est arrêté sur ce fichier ({detail})&#xa0;: comparez ses feuilles et ses en-têtes à un modèle de XLSForm</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/file_kinds.py" line="31"/>
        <source>a PDF document</source>
        <translation>un document PDF</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/file_kinds.py" line="32"/>
        <source>a PNG image</source>
        <translation>une image PNG</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/file_kinds.py" line="33"/>
        <source>a JPEG image</source>
        <translation>une image JPEG</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/file_kinds.py" line="34"/>
        <source>an RTF document</source>
        <translation>un document RTF</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/file_kinds.py" line="35"/>
        <source>an encrypted MCIM Desk bundle</source>
        <translation>un lot d’échange MCIM Desk chiffré</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/file_kinds.py" line="52"/>
        <source>{path}: cannot be read ({error})</source>
        <translation>{path}&#xa0;: lecture impossible ({error})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/file_kinds.py" line="56"/>
        <source>an empty file</source>
        <translation>un fichier vide</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/file_kinds.py" line="64"/>
        <source>{path}: a damaged or truncated zip archive, not a readable Excel workbook: save the spreadsheet again as .xlsx</source>
        <translation>{path}&#xa0;: une archive zip endommagée ou tronquée, et non un classeur Excel lisible&#xa0;: enregistrez de nouveau la feuille de calcul au format .xlsx</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/file_kinds.py" line="70"/>
        <source>a Word document</source>
        <translation>un document Word</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/file_kinds.py" line="72"/>
        <source>a PowerPoint presentation</source>
        <translation>une présentation PowerPoint</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/file_kinds.py" line="74"/>
        <source>an OpenDocument file</source>
        <translation>un fichier OpenDocument</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/file_kinds.py" line="76"/>
        <source>a zip archive</source>
        <translation>une archive zip</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/file_kinds.py" line="78"/>
        <source>an old-format Office file (.xls or .doc)</source>
        <translation>un fichier Office de l’ancien format (.xls ou .doc)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/file_kinds.py" line="87"/>
        <source>a text file (if it is a CSV or markdown form, name it .csv or .md)</source>
        <translation>un fichier texte (s’il s’agit d’un formulaire CSV ou markdown, nommez-le .csv ou .md)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/file_kinds.py" line="90"/>
        <source>a file of another kind, or a damaged one</source>
        <translation>un fichier d’un autre type, ou endommagé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/file_kinds.py" line="91"/>
        <source>an Excel workbook (.xlsx)</source>
        <translation>un classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/file_kinds.py" line="92"/>
        <source>an Excel 97-2003 workbook (.xls)</source>
        <translation>un classeur Excel 97-2003 (.xls)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/file_kinds.py" line="93"/>
        <source>{path} is not {kind}: it is {what}.</source>
        <translation>{path} n’est pas {kind}&#xa0;: c’est {what}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="421"/>
        <source>the question type “{type}” of {name} is not supported</source>
        <translation>le type de question «&#xa0;{type}&#xa0;» de {name} n’est pas pris en charge</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="501"/>
        <source>no external choices for the list {list} in the external_choices sheet</source>
        <translation>aucun choix externe pour la liste {list} dans la feuille external_choices</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="522"/>
        <source>choice file {file} cannot be read: {detail}</source>
        <translation>le fichier de choix {file} ne peut pas être lu&#xa0;: {detail}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="530"/>
        <source>choice file {file} not found (it must be a reference list or sit beside the form)</source>
        <translation>fichier de choix {file} introuvable (il doit s’agir d’une liste de référence ou d’un fichier placé à côté du formulaire)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="536"/>
        <source>choice file {file} has no choices</source>
        <translation>le fichier de choix {file} ne contient aucun choix</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="541"/>
        <source>no choices for {name}</source>
        <translation>aucun choix pour {name}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="612"/>
        <source>unknown function {function}() in {column}</source>
        <translation>fonction inconnue {function}() dans {column}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="616"/>
        <source>the function {function}() in {column} is not supported by this program</source>
        <translation>la fonction {function}() dans {column} n’est pas prise en charge par ce programme</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="620"/>
        <source>invalid {column} expression “{expression}”: {detail}</source>
        <translation>expression {column} non valide «&#xa0;{expression}&#xa0;»&#xa0;: {detail}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="631"/>
        <source>${{{name}}} in {column} names no question of the form</source>
        <translation>${{{name}}} dans {column} ne désigne aucune question du formulaire</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="642"/>
        <source>pulldata() in {column} must name its CSV file in quotes</source>
        <translation>pulldata() dans {column} doit nommer son fichier CSV entre apostrophes</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="657"/>
        <source>pulldata(&apos;{file}&apos;) in {column} needs the file {file}.csv beside the form, and it is missing or unreadable</source>
        <translation>pulldata(&apos;{file}&apos;) dans {column} demande le fichier {file}.csv à côté du formulaire, et il est absent ou illisible</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="676"/>
        <source>instance(&apos;{name}&apos;) in {column} names no choice list of the form and no file {name}.csv, .geojson or .xml beside it</source>
        <translation>instance(&apos;{name}&apos;) dans {column} ne désigne aucune liste de choix du formulaire ni aucun fichier {name}.csv, .geojson ou .xml à côté de lui</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/forms/loader.py" line="685"/>
        <source>the calculation {name} has no formula</source>
        <translation>le calcul {name} n’a pas de formule</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/forms.py" line="144"/>
        <source>Version {version} of the form {form_id} drops or changes questions that already have answers:</source>
        <translation>La version {version} du formulaire {form_id} supprime ou modifie des questions qui ont déjà des réponses&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/forms.py" line="150"/>
        <source>{name} ({path}): no longer asked; answers given to earlier versions: {count}</source>
        <translation>{name} ({path})&#xa0;: n’est plus posée&#xa0;; réponses données aux versions précédentes&#xa0;: {count}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/forms.py" line="153"/>
        <source>{name} ({path}): {old} becomes {new}; answers given as {old}: {count}</source>
        <translation>{name} ({path})&#xa0;: {old} devient {new}&#xa0;; réponses données en {old}&#xa0;: {count}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/forms.py" line="227"/>
        <source>The form {form_id} version {version} is already installed with different content: give the new form another version in its settings sheet.</source>
        <translation>Le formulaire {form_id} version {version} est déjà installé avec un contenu différent&#xa0;: donnez une autre version au nouveau formulaire dans sa feuille settings.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/attachments.py" line="147"/>
        <location filename="../../mcim_desk/services/attachments.py" line="160"/>
        <location filename="../../mcim_desk/services/response_common.py" line="148"/>
        <location filename="../../mcim_desk/services/response_common.py" line="159"/>
        <source>There is no response {id}.</source>
        <translation>La réponse {id} n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/response_common.py" line="183"/>
        <source>The answer to “{question}” has {length} characters, more than the limit of {limit}: shorten it (or keep the full text in a document of its own).</source>
        <translation>La réponse à «&#xa0; {question} &#xa0;» compte {length} caractères, au-delà de la limite de {limit}&#xa0;: raccourcissez-la (ou gardez le texte complet dans un document à part).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/response_common.py" line="232"/>
        <source>“{path}” is not a question of the form {form}.</source>
        <translation>«&#xa0;{path}&#xa0;» n’est pas une question du formulaire {form}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/response_common.py" line="295"/>
        <source>The response was changed elsewhere at the same time: try again.</source>
        <translation>La réponse a été modifiée ailleurs au même moment&#xa0;: veuillez réessayer.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/response_common.py" line="315"/>
        <source>The answer to {path} was changed {by} since this window read it: your value was not saved.</source>
        <translation>La réponse à {path} a été modifiée {by} depuis que cette fenêtre l’a lue&#xa0;: votre valeur n’a pas été enregistrée.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/response_common.py" line="318"/>
        <source>The note on {path} was changed {by} since this window read it: your note was not saved.</source>
        <translation>La note sur {path} a été modifiée {by} depuis que cette fenêtre l’a lue&#xa0;: votre note n’a pas été enregistrée.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/response_common.py" line="321"/>
        <source>The entries of {path} were changed {by} since this window read them: your change was not made.</source>
        <translation>Les entrées de {path} ont été modifiées {by} depuis que cette fenêtre les a lues&#xa0;: votre modification n’a pas été faite.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/response_common.py" line="325"/>
        <source>This response was changed {by} since this window read it: your change was not made.</source>
        <translation>Cette réponse a été modifiée {by} depuis que cette fenêtre l’a lue&#xa0;: votre modification n’a pas été faite.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/response_common.py" line="362"/>
        <source>The database was busy with other saves on this response: nothing was saved. Try again.</source>
        <translation>La base de données était occupée par d’autres enregistrements sur cette réponse&#xa0;: rien n’a été enregistré. Réessayez.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/response_common.py" line="379"/>
        <source>This response was validated: editing it will set it back to complete.</source>
        <translation>Cette réponse a été validée&#xa0;: la modifier la remettra à l’état «&#xa0;complète&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/responses.py" line="83"/>
        <source>There is no mechanism {id}.</source>
        <translation>Le mécanisme {id} n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/responses.py" line="99"/>
        <source>No {kind} form is installed.</source>
        <translation>Aucun formulaire «&#xa0;{kind}&#xa0;» n’est installé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/responses.py" line="336"/>
        <source>The note on “{question}” has {length} characters, more than the limit of {limit}.</source>
        <translation>La note sur «&#xa0; {question} &#xa0;» compte {length} caractères, au-delà de la limite de {limit}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/responses.py" line="372"/>
        <source>Unknown status “{status}”.</source>
        <translation>État inconnu «&#xa0;{status}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/responses.py" line="386"/>
        <source>Only a complete response can be validated: {count} question(s) still need an answer or a correction.</source>
        <translation>Seule une réponse complète peut être validée&#xa0;: {count} question(s) nécessitent encore une réponse ou une correction.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/response_batch.py" line="109"/>
        <location filename="../../mcim_desk/services/responses.py" line="410"/>
        <source>Unknown source “{source}”: use one of {sources}.</source>
        <translation>Source inconnue «&#xa0;{source}&#xa0;»&#xa0;: utilisez l’une des suivantes&#xa0;: {sources}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/response_batch.py" line="86"/>
        <location filename="../../mcim_desk/services/response_batch.py" line="93"/>
        <location filename="../../mcim_desk/services/response_repeats.py" line="165"/>
        <location filename="../../mcim_desk/services/response_repeats.py" line="199"/>
        <source>There is no {path}.</source>
        <translation>{path} n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="278"/>
        <source>submission {number}</source>
        <translation>soumission {number}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="280"/>
        <source>, key “{key}”</source>
        <translation>, clé «&#xa0;{key}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="293"/>
        <source>the value {value} is not text or a number</source>
        <translation>la valeur {value} n’est ni du texte ni un nombre</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="304"/>
        <source>the value holds a NUL character, which no typed text holds (a damaged file?)</source>
        <translation>la valeur contient un caractère NUL, qu’aucun texte saisi ne contient (fichier endommagé&#xa0;?)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="348"/>
        <source>the form {form} has no such question</source>
        <translation>le formulaire {form} ne contient pas cette question</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="353"/>
        <source>a repeat must be a list of objects</source>
        <translation>une répétition doit être une liste d’objets</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="511"/>
        <source>a submission must be a JSON object</source>
        <translation>une soumission doit être un objet JSON</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="415"/>
        <source>the form id is missing</source>
        <translation>l’identifiant du formulaire est manquant</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="403"/>
        <location filename="../../mcim_desk/services/submissions.py" line="413"/>
        <source>unknown form “{form}”</source>
        <translation>formulaire inconnu «&#xa0;{form}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="380"/>
        <source>unknown version “{version}” of the form {form}</source>
        <translation>version inconnue «&#xa0;{version}&#xa0;» du formulaire {form}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="505"/>
        <source>“{value}” is not an instance id such as uuid:…</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un identifiant d’instance comme uuid:…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="452"/>
        <source>the mechanism is missing</source>
        <translation>le mécanisme est manquant</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="281"/>
        <source>{where}: {problem}</source>
        <translation>{where}&#xa0;: {problem}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="417"/>
        <source>{problem}, and the forms {forms} all have its questions: name the form (--form ID on the command line)</source>
        <translation>{problem}, et les formulaires {forms} ont tous ses questions&#xa0;: indiquez le formulaire (--form ID en ligne de commande)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="421"/>
        <source>{problem}, and no installed form has all its questions: add the form first, or name it (--form ID on the command line)</source>
        <translation>{problem}, et aucun formulaire installé n’a toutes ses questions&#xa0;: ajoutez d’abord le formulaire, ou indiquez-le (--form ID en ligne de commande)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="458"/>
        <source>unknown mechanism “{value}”</source>
        <translation>mécanisme inconnu «&#xa0;{value}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="460"/>
        <source>“{value}” could be any of {names}</source>
        <translation>«&#xa0;{value}&#xa0;» peut désigner {names}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/devtools/screens.py" line="318"/>
        <location filename="../../mcim_desk/services/submissions.py" line="470"/>
        <source>submission {number}: “{value}” ({key}) names no known mechanism</source>
        <translation>soumission {number}&#xa0;: «&#xa0;{value}&#xa0;» ({key}) ne désigne aucun mécanisme connu</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="474"/>
        <source>submission {number}: “{value}” ({key}) could be any of {names}</source>
        <translation>soumission {number}&#xa0;: «&#xa0;{value}&#xa0;» ({key}) peut désigner {names}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/devtools/screens.py" line="321"/>
        <location filename="../../mcim_desk/services/submissions.py" line="490"/>
        <source>submission {number}: no “mechanism” key and no answer to {key}</source>
        <translation>soumission {number}&#xa0;: ni clé «&#xa0;mechanism&#xa0;» ni réponse à {key}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="567"/>
        <source>submission {number}: it edits uuid:{deprecated} (meta/deprecatedID), which is not in this database: imported as a new response</source>
        <translation>soumission {number}&#xa0;: elle modifie uuid:{deprecated} (meta/deprecatedID), absente de cette base&#xa0;: importée comme une nouvelle réponse</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="582"/>
        <source>the instance id belongs to another form or mechanism in this database</source>
        <translation>l’identifiant d’instance appartient à un autre formulaire ou mécanisme dans cette base de données</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="587"/>
        <source>the instance id belongs to a response deleted in this database</source>
        <translation>l’identifiant d’instance est celui d’une réponse supprimée dans cette base</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="658"/>
        <source>{file}: lists and objects nest more than {limit} levels deep; submissions nest three (the list, a submission, a repeat&apos;s rows)</source>
        <translation>{file}&#xa0;: les listes et objets s’imbriquent sur plus de {limit} niveaux&#xa0;; des soumissions n’en ont que trois (la liste, une soumission, les lignes d’un groupe répété)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="664"/>
        <source>{file}: the file is larger than {limit} MB; it is refused</source>
        <translation>{file}&#xa0;: le fichier dépasse {limit}&#xa0;Mo&#xa0;; il est refusé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="687"/>
        <source>a text</source>
        <translation>un texte</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="689"/>
        <source>true or false</source>
        <translation>vrai ou faux</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="691"/>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="693"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="694"/>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="705"/>
        <source>{file}: the file holds a JSON object (keys {keys}), not a list of submissions: expected a list [ {{…}}, {{…}} ] as `responses export` writes it, the “results” list of KoboToolbox’s API or the “value” list of ODK Central’s OData feed</source>
        <translation>{file}&#xa0;: le fichier contient un objet JSON (clés {keys}) et non une liste de soumissions&#xa0;: attendu une liste [ {{…}}, {{…}} ] comme l’écrit `responses export`, la liste «&#xa0;results&#xa0;» de l’API de KoboToolbox ou la liste «&#xa0;value&#xa0;» du flux OData d’ODK Central</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="717"/>
        <source>and {count} more</source>
        <translation>et {count} autres</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="718"/>
        <source>{file} ({layout}): {count} submissions do not say which mechanism they are about; nothing was imported. Name it with --mechanism ACRONYM (it applies to the submissions without one), or import the file in the window, which asks:</source>
        <translation>{file} ({layout})&#xa0;: {count} soumissions ne disent pas de quel mécanisme elles relèvent&#xa0;; rien n’a été importé. Indiquez-le avec --mechanism SIGLE (il vaut pour les soumissions qui n’en ont pas), ou importez le fichier dans la fenêtre, qui le demande&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="740"/>
        <source>{file} ({layout}): {problem}</source>
        <translation>{file} ({layout})&#xa0;: {problem}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="760"/>
        <source>--mechanism “{value}”: {problem}</source>
        <translation>--mechanism «&#xa0;{value}&#xa0;»&#xa0;: {problem}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="763"/>
        <source>no known mechanism has this acronym or name</source>
        <translation>aucun mécanisme connu n’a ce sigle ni ce nom</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="765"/>
        <source>it could be any of {names}</source>
        <translation>il peut désigner {names}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="785"/>
        <source>{count} submissions name no form installed here: read as {form} version {version}, the only installed form with all their questions</source>
        <translation>{count} soumissions ne nomment aucun formulaire installé ici&#xa0;: lues comme {form} version {version}, le seul formulaire installé qui a toutes leurs questions</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="710"/>
        <source>{file}: the file holds {kind}, not a list of submissions</source>
        <translation>{file}&#xa0;: le fichier contient {kind} et non une liste de soumissions</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="669"/>
        <source>{file}: cannot be read ({error})</source>
        <translation>{file}&#xa0;: lecture impossible ({error})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="673"/>
        <source>line {line}, column {column}</source>
        <translation>ligne {line}, colonne {column}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submissions.py" line="676"/>
        <source>{file}: not a JSON file ({detail})</source>
        <translation>{file}&#xa0;: ce n’est pas un fichier JSON ({detail})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/response_batch.py" line="75"/>
        <source>The response was changed since the file was read: read the file again.</source>
        <translation>La réponse a été modifiée depuis la lecture du fichier&#xa0;: lisez à nouveau le fichier.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submission_layouts.py" line="31"/>
        <source>Kobo export</source>
        <translation>export Kobo</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submission_layouts.py" line="32"/>
        <source>Kobo API v2</source>
        <translation>API Kobo v2</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submission_layouts.py" line="33"/>
        <source>ODK Central OData</source>
        <translation>OData ODK Central</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submission_layouts.py" line="34"/>
        <source>a single submission</source>
        <translation>une soumission seule</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/submission_layouts.py" line="120"/>
        <source>submission {number}: the repeat “{path}” is only a link (its rows are not in the file): export the submissions again with $expand=* so that the repeats come inline</source>
        <translation>soumission {number}&#xa0;: la répétition «&#xa0;{path}&#xa0;» n’est qu’un lien (ses lignes ne sont pas dans le fichier)&#xa0;: exportez à nouveau les soumissions avec $expand=* pour que les répétitions y figurent</translation>
    </message>
</context>
<context>
    <name>FormsDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/forms_dialog.py" line="14"/>
        <source>Add a form (XLSForm)</source>
        <translation>Ajouter un formulaire (XLSForm)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/forms_dialog.py" line="15"/>
        <source>XLSForm files (*.xlsx *.md *.csv);;All files (*)</source>
        <translation>Fichiers XLSForm (*.xlsx *.md *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/forms_dialog.py" line="24"/>
        <source>Form added</source>
        <translation>Formulaire ajouté</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/forms_dialog.py" line="25"/>
        <source>“{title}” version {version} was added: {count} questions.</source>
        <translation>«&#xa0;{title}&#xa0;» version {version} a été ajouté&#xa0;: {count} questions.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/forms_dialog.py" line="32"/>
        <source>{problems}

The answers stay stored, and the reports still count them under the versions that asked them. Add this version anyway?</source>
        <translation>{problems}

Les réponses restent enregistrées et les rapports les comptent toujours dans les versions qui posaient la question. Ajouter quand même cette version&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/forms_dialog.py" line="37"/>
        <source>Add this form version?</source>
        <translation>Ajouter cette version du formulaire&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/forms_dialog.py" line="42"/>
        <source>Form not added</source>
        <translation>Formulaire non ajouté</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/forms_dialog.py" line="43"/>
        <source>{file} was not added:
{problems}</source>
        <translation>{file} n’a pas été ajouté&#xa0;:
{problems}</translation>
    </message>
</context>
<context>
    <name>FormsMenu</name>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="83"/>
        <source>Add a &amp;form (XLSForm)…</source>
        <translation>Ajouter un &amp;formulaire (XLSForm)…</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <location filename="../../mcim_desk/ui/guide_view.py" line="90"/>
        <source>Print the guide</source>
        <translation>Imprimer le guide</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/guide_view.py" line="91"/>
        <source>guide-mcim-desk-{lang}.pdf</source>
        <translation>guide-mcim-desk-{lang}.pdf</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/guide_view.py" line="92"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/guide_view.py" line="100"/>
        <source>Guide written</source>
        <translation>Guide écrit</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/guide_view.py" line="104"/>
        <source>Guide not printed</source>
        <translation>Guide non imprimé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/guide_view.py" line="105"/>
        <source>The guide could not be written to {path}: {problem}</source>
        <translation>Le guide n’a pas pu être écrit dans {path}&#xa0;: {problem}</translation>
    </message>
</context>
<context>
    <name>GuideMenu</name>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="338"/>
        <source>&amp;Guide</source>
        <translation>&amp;Guide</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="342"/>
        <source>&amp;Print the guide…</source>
        <translation>&amp;Imprimer le guide…</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="285"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="318"/>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="322"/>
        <source>History of this response</source>
        <translation>Historique de cette réponse</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="324"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="324"/>
        <source>When (your time)</source>
        <translation>Quand (votre heure)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="324"/>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="325"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="325"/>
        <source>Old value</source>
        <translation>Ancienne valeur</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="325"/>
        <source>New value</source>
        <translation>Nouvelle valeur</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="349"/>
        <source>created</source>
        <translation>création</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="349"/>
        <source>changed</source>
        <translation>modification</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="349"/>
        <source>status</source>
        <translation>état</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="350"/>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="350"/>
        <source>imported</source>
        <translation>import</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="350"/>
        <source>entry added</source>
        <translation>entrée ajoutée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="351"/>
        <source>entry removed</source>
        <translation>entrée retirée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="351"/>
        <source>entry moved</source>
        <translation>entrée déplacée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="365"/>
        <source>Response</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="367"/>
        <source>{form}, version {version}</source>
        <translation>{form}, version {version}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="370"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="371"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="371"/>
        <source>Complete</source>
        <translation>Complète</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="372"/>
        <source>Validated</source>
        <translation>Validé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="375"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="376"/>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="376"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="376"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="377"/>
        <source>PDF form</source>
        <translation>Formulaire PDF</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="377"/>
        <source>Import</source>
        <translation>Importation</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="380"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="382"/>
        <source>Questionnaire sent</source>
        <translation>Questionnaire envoyé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="386"/>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="387"/>
        <source>entry {n}</source>
        <translation>entrée {n}</translation>
    </message>
</context>
<context>
    <name>ImportPlanDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="246"/>
        <source>Import a bundle</source>
        <translation>Importer un lot d’échange</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="250"/>
        <source>{file}
written {when} UTC by MCIM Desk {version} (installation {source}){encrypted}</source>
        <translation>{file}
écrit le {when} UTC par MCIM Desk {version} (installation {source}){encrypted}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="253"/>
        <source>, encrypted</source>
        <translation>, chiffré</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="256"/>
        <source>Records to add</source>
        <translation>Enregistrements à ajouter</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="257"/>
        <source>Records to update</source>
        <translation>Enregistrements à mettre à jour</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="258"/>
        <source>Already the same</source>
        <translation>Déjà identiques</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="259"/>
        <source>Newer here (kept)</source>
        <translation>Plus récents ici (conservés)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="260"/>
        <source>New audit rows</source>
        <translation>Nouvelles lignes du journal d’audit</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="261"/>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="287"/>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="271"/>
        <source>Everything in this bundle is already here: importing it changes nothing.</source>
        <translation>Tout le contenu de ce lot est déjà ici&#xa0;: l’importer ne change rien.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="274"/>
        <source>{count} field(s) were changed both here and in the bundle. They keep this database&apos;s value until you choose, after the import.</source>
        <translation>{count} champ(s) ont été modifiés à la fois ici et dans le lot. Ils gardent la valeur de cette base de données jusqu’à ce que vous choisissiez, après l’importation.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="278"/>
        <source>No conflict: the bundle merges cleanly.</source>
        <translation>Aucun conflit&#xa0;: la fusion du lot se fait sans difficulté.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="289"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
</context>
<context>
    <name>Instruments</name>
    <message>
        <location filename="../../mcim_desk/services/instruments.py" line="46"/>
        <source>Unknown instrument “{kind}”: use questionnaire or interview.</source>
        <translation>Instrument inconnu «&#xa0;{kind}&#xa0;»&#xa0;: utilisez questionnaire ou interview.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/instruments.py" line="113"/>
        <source>No form “{form}” is installed.</source>
        <translation>Aucun formulaire «&#xa0;{form}&#xa0;» n’est installé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/instruments.py" line="117"/>
        <source>The form {form} is not a questionnaire: its settings sheet must say form_kind questionnaire.</source>
        <translation>Le formulaire {form} n’est pas un questionnaire&#xa0;: sa feuille settings doit indiquer form_kind questionnaire.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/instruments.py" line="123"/>
        <source>The form {form} is not an interview guide: its settings sheet must say form_kind interview.</source>
        <translation>Le formulaire {form} n’est pas un guide d’entretien&#xa0;: sa feuille settings doit indiquer form_kind interview.</translation>
    </message>
</context>
<context>
    <name>Interviews</name>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="125"/>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="126"/>
        <source>Questions sent</source>
        <translation>Questions envoyées</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="127"/>
        <source>Held</source>
        <translation>Tenu</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="128"/>
        <source>Notes validated</source>
        <translation>Notes validées</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="129"/>
        <source>Closed</source>
        <translation>Clos</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="130"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="131"/>
        <source>Rescheduled</source>
        <translation>Reporté</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="138"/>
        <source>Not asked yet</source>
        <translation>Pas encore demandé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="139"/>
        <source>May be named and quoted</source>
        <translation>Peut être nommé(e) et cité(e)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="140"/>
        <source>May be quoted, not named</source>
        <translation>Peut être cité(e) sans être nommé(e)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="141"/>
        <source>Neither named nor quoted</source>
        <translation>Ni nommé(e) ni cité(e)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="151"/>
        <source>Type a date, for example 2018-11-09 or 09/11/2018.</source>
        <translation>Saisissez une date, par exemple 2018-11-09 ou 09/11/2018.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="153"/>
        <source>“{value}” is not a date: type it as 2018-11-09 or 09/11/2018.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une date&#xa0;: saisissez-la sous la forme 2018-11-09 ou 09/11/2018.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="155"/>
        <source>“{value}” is not a date that exists (check the day and the month).</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une date qui existe (vérifiez le jour et le mois).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="157"/>
        <source>Type a time, for example 10:00.</source>
        <translation>Saisissez une heure, par exemple 10:00.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="159"/>
        <source>“{value}” is not a time: type it on the 24-hour clock, as 10:00 or 15h30.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une heure&#xa0;: saisissez-la au format 24 heures, comme 10:00 ou 15h30.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="162"/>
        <source>Choose the interviewee’s time zone, for example America/Lima.</source>
        <translation>Choisissez le fuseau horaire de la personne interrogée, par exemple America/Lima.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="163"/>
        <source>Unknown time zone “{value}”: use a name such as Europe/Geneva or America/Lima.</source>
        <translation>Fuseau horaire inconnu «&#xa0;{value}&#xa0;»&#xa0;: utilisez un nom comme Europe/Geneva ou America/Lima.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="167"/>
        <source>{value} does not exist in {zone}: the clocks move forward then. Choose another time.</source>
        <translation>{value} n’existe pas dans le fuseau {zone}&#xa0;: les horloges avancent à ce moment-là. Choisissez une autre heure.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="172"/>
        <source>The end ({end}) must be after the start ({start}).</source>
        <translation>La fin ({end}) doit être postérieure au début ({start}).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="174"/>
        <source>The length must be between 1 and {maximum} minutes, not “{value}”.</source>
        <translation>La durée doit être comprise entre 1 et {maximum} minutes, et non «&#xa0;{value}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="176"/>
        <source>Unknown interview state “{value}”.</source>
        <translation>État d’entretien inconnu «&#xa0;{value}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="178"/>
        <source>An interview cannot go from “{old}” to “{new}”.</source>
        <translation>Un entretien ne peut pas passer de «&#xa0;{old}&#xa0;» à «&#xa0;{new}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="182"/>
        <source>Unknown consent “{value}”.</source>
        <translation>Consentement inconnu «&#xa0;{value}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="184"/>
        <source>Unknown kind of follow-up “{value}”.</source>
        <translation>Type de suivi inconnu «&#xa0;{value}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="186"/>
        <source>Unknown follow-up status “{value}”.</source>
        <translation>État de suivi inconnu «&#xa0;{value}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="279"/>
        <source>There is no interview {id}.</source>
        <translation>L’entretien {id} n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="397"/>
        <source>There is no mechanism {id}.</source>
        <translation>Le mécanisme {id} n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="403"/>
        <source>Choose a contact of this mechanism.</source>
        <translation>Choisissez un contact de ce mécanisme.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/calls.py" line="47"/>
        <source>A {state} interview cannot be started.</source>
        <translation>Un entretien à l’état «&#xa0;{state}&#xa0;» ne peut pas être démarré.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/calls.py" line="70"/>
        <source>The call length must be between 0 and 24 hours.</source>
        <translation>La durée de l’appel doit être comprise entre 0 et 24 heures.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/calls.py" line="164"/>
        <source>The call notes have {length} characters, more than the limit of {limit}.</source>
        <translation>Les notes d’appel comptent {length} caractères, au-delà de la limite de {limit}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/calls.py" line="173"/>
        <source>The call notes were changed {by} since this window read them: your notes were not saved.</source>
        <translation>Les notes de l’appel ont été modifiées {by} depuis que cette fenêtre les a lues&#xa0;: vos notes n’ont pas été enregistrées.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/interviews.py" line="660"/>
        <source>Only a planned interview can be rescheduled.</source>
        <translation>Seul un entretien prévu peut être reporté.</translation>
    </message>
</context>
<context>
    <name>InterviewsMenu</name>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="170"/>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="171"/>
        <source>Interviews</source>
        <translation>Entretiens</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="172"/>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="173"/>
        <source>Quotes</source>
        <translation>Citations</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="194"/>
        <source>Export to a &amp;calendar…</source>
        <translation>Exporter vers un &amp;calendrier…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="197"/>
        <source>&amp;Codebook…</source>
        <translation>&amp;Grille de codage…</translation>
    </message>
</context>
<context>
    <name>InterviewsPage</name>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="398"/>
        <source>Interviews — {acronym}</source>
        <translation>Entretiens — {acronym}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="399"/>
        <source>Times: yours ({zone}) / the interviewee’s.</source>
        <translation>Heures&#xa0;: la vôtre ({zone}) / celle de la personne interrogée.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="411"/>
        <source>(no contact)</source>
        <translation>(aucun contact)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="412"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="464"/>
        <source>State: {state}</source>
        <translation>État&#xa0;: {state}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="469"/>
        <source>Call started {when}, length {length}.</source>
        <translation>Appel commencé le {when}, durée {length}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="473"/>
        <source>Rescheduled to {when}.</source>
        <translation>Reporté au {when}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="476"/>
        <source>Replaces the interview planned for {when}.</source>
        <translation>Remplace l’entretien prévu le {when}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="483"/>
        <source>Interview not saved</source>
        <translation>Entretien non enregistré</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="524"/>
        <source>Plan an interview with {who}</source>
        <translation>Planifier un entretien avec {who}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="566"/>
        <source>Reschedule the interview</source>
        <translation>Reporter l’entretien</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="574"/>
        <source>Interview: {state}</source>
        <translation>Entretien&#xa0;: {state}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="591"/>
        <source>When (you / interviewee)</source>
        <translation>Quand (vous / personne interrogée)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="591"/>
        <source>Interviewee</source>
        <translation>Personne interrogée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="591"/>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="592"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="592"/>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="592"/>
        <source>Call length</source>
        <translation>Durée de l’appel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="594"/>
        <source>&amp;Plan an interview…</source>
        <translation>&amp;Planifier un entretien…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="595"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Maj+N</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="596"/>
        <source>Open the call &amp;workspace</source>
        <translation>Ouvrir l’&amp;espace d’appel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="597"/>
        <source>Ctrl+Shift+W</source>
        <translation>Ctrl+Maj+W</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="598"/>
        <source>&amp;Reschedule…</source>
        <translation>&amp;Reporter…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="601"/>
        <source>Interviews</source>
        <translation>Entretiens</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="602"/>
        <source>Move to:</source>
        <translation>Passer à&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="604"/>
        <source>Questions sent</source>
        <translation>Questions envoyées</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="605"/>
        <source>Held</source>
        <translation>Tenu</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="606"/>
        <source>Notes validated</source>
        <translation>Notes validées</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="607"/>
        <source>Closed</source>
        <translation>Clos</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="608"/>
        <source>Cancel the interview</source>
        <translation>Annuler l’entretien</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="612"/>
        <source>No interview yet with this mechanism. Plan one with “Plan an interview…”: its time is typed in the interviewee’s time zone and shown in yours too.</source>
        <translation>Aucun entretien pour l’instant avec ce mécanisme. Planifiez-en un avec «&#xa0;Planifier un entretien…&#xa0;»&#xa0;: son heure se saisit dans le fuseau horaire de la personne interrogée et s’affiche aussi dans le vôtre.</translation>
    </message>
</context>
<context>
    <name>KeyboardShortcutsDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="30"/>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="45"/>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="60"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="35"/>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="35"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="35"/>
        <source>What it does</source>
        <translation>Effet</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="53"/>
        <source>Everywhere</source>
        <translation>Partout</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="53"/>
        <source>Questionnaire</source>
        <translation>Questionnaire</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="54"/>
        <source>Interviews</source>
        <translation>Entretiens</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="54"/>
        <source>Call workspace</source>
        <translation>Espace d’appel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="55"/>
        <source>Tables and lists</source>
        <translation>Tableaux et listes</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="57"/>
        <source>Search answers, notes, quotes, follow-ups…</source>
        <translation>Rechercher dans les réponses, notes, citations, suivis…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="58"/>
        <source>Find a mechanism</source>
        <translation>Rechercher un mécanisme</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="59"/>
        <source>The guide, at the section for this screen</source>
        <translation>Le guide, à la section de cet écran</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="61"/>
        <source>Next / previous page</source>
        <translation>Page suivante / précédente</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="62"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="63"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="64"/>
        <source>Print a report</source>
        <translation>Imprimer un rapport</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="65"/>
        <source>Export a bundle</source>
        <translation>Exporter un lot d’échange</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="66"/>
        <source>Import a bundle</source>
        <translation>Importer un lot d’échange</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="67"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="68"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="69"/>
        <source>Move in the list (Tab goes on to the next field)</source>
        <translation>Se déplacer dans la liste (Tab passe au champ suivant)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="70"/>
        <source>Next / previous question</source>
        <translation>Question suivante / précédente</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="71"/>
        <source>Next / previous section</source>
        <translation>Section suivante / précédente</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="72"/>
        <source>Check the answers</source>
        <translation>Vérifier les réponses</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="73"/>
        <source>Dashboard, Follow-ups</source>
        <translation>Tableau de bord, Suivis</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="73"/>
        <source>Mark the selected follow-up as done</source>
        <translation>Marquer le suivi sélectionné comme fait</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="74"/>
        <source>Plan an interview</source>
        <translation>Planifier un entretien</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="75"/>
        <source>Open the call workspace</source>
        <translation>Ouvrir l’espace d’appel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="76"/>
        <source>Start or pause the call timer</source>
        <translation>Démarrer ou mettre en pause le chronomètre de l’appel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="77"/>
        <source>Save the selected words as a quote</source>
        <translation>Enregistrer les mots sélectionnés comme citation</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="78"/>
        <source>Close the window (asks first while the call runs)</source>
        <translation>Fermer la fenêtre (demande d’abord si l’appel est en cours)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="79"/>
        <source>Quotes</source>
        <translation>Citations</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="79"/>
        <source>Open the interview at the quote</source>
        <translation>Ouvrir l’entretien à la citation</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="80"/>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="81"/>
        <source>PDF review</source>
        <translation>Revue du PDF</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="80"/>
        <source>Accept or refuse the selected answers</source>
        <translation>Accepter ou refuser les réponses sélectionnées</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/shortcuts_dialog.py" line="81"/>
        <source>Apply the accepted answers</source>
        <translation>Appliquer les réponses acceptées</translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <location filename="../../mcim_desk/limits.py" line="54"/>
        <location filename="../../mcim_desk/services/attachments.py" line="69"/>
        <source>,</source>
        <comment>thousands separator in numbers: 30,000</comment>
        <translation>&#x202f;</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="310"/>
        <source>Database already open</source>
        <translation>Base de données déjà ouverte</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="311"/>
        <source>MCIM Desk is already open on this database:
{path}

Switch to the window that is open, or close it first.</source>
        <translation>MCIM Desk est déjà ouvert sur cette base de données&#xa0;:
{path}

Passez à la fenêtre ouverte, ou fermez-la d’abord.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="353"/>
        <source>The database file failed its integrity check and was not changed:
{path}
({problem})</source>
        <translation>Le fichier de la base de données a échoué au contrôle d’intégrité et n’a pas été modifié&#xa0;:
{path}
({problem})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="356"/>
        <location filename="../../mcim_desk/ui/main_window.py" line="366"/>
        <source>Damaged database</source>
        <translation>Base de données endommagée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="357"/>
        <source>No automatic backup is available.</source>
        <translation>Aucune sauvegarde automatique n’est disponible.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="379"/>
        <source>Card</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="454"/>
        <location filename="../../mcim_desk/ui/main_window.py" line="460"/>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="332"/>
        <location filename="../../mcim_desk/ui/main_window.py" line="455"/>
        <source>SQLite databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>Bases SQLite (*.sqlite3 *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="226"/>
        <source>Database from a newer version</source>
        <translation>Base d’une version plus récente</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="227"/>
        <source>{target} was written by MCIM Desk {database_version} (schema {revision}); this is MCIM Desk {program_version}, which cannot open it. Nothing was changed: install MCIM Desk {database_version} or newer.</source>
        <translation>{target} a été écrit par MCIM Desk {database_version} (schéma {revision})&#x202f;; ceci est MCIM Desk {program_version}, qui ne peut pas l’ouvrir. Rien n’a été modifié&#xa0;: installez MCIM Desk {database_version} ou plus récent.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="236"/>
        <location filename="../../mcim_desk/ui/main_window.py" line="342"/>
        <source>Database not opened</source>
        <translation>Base de données non ouverte</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="275"/>
        <source>What is new in MCIM Desk {version}</source>
        <translation>Nouveautés de MCIM Desk {version}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="287"/>
        <source>The disk holding {folder} is full: the database is open for reading only until some space is freed there.</source>
        <translation>Le disque qui contient {folder} est plein&#xa0;: la base de données est ouverte en lecture seule jusqu’à ce que de la place y soit libérée.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="291"/>
        <source>This database is read-only ({path}): you can read, search and print, but nothing can be saved in it. To change it, copy it to a folder you can write to.</source>
        <translation>Cette base de données est en lecture seule ({path})&#xa0;: vous pouvez la lire, y chercher et imprimer, mais rien ne peut y être enregistré. Pour la modifier, copiez-la dans un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="295"/>
        <source>The automatic backup was not made: {problem}</source>
        <translation>La sauvegarde automatique n’a pas été faite&#xa0;: {problem}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="323"/>
        <source>Database server unreachable</source>
        <translation>Serveur de base de données injoignable</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="324"/>
        <source>Try again, or open another database?</source>
        <translation>Réessayer, ou ouvrir une autre base de données&#x202f;?</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="325"/>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="325"/>
        <source>Open another database…</source>
        <translation>Ouvrir une autre base de données…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="326"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="331"/>
        <source>Open another database</source>
        <translation>Ouvrir une autre base de données</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="363"/>
        <source>Open the latest automatic backup from {when} instead? The damaged file is kept, untouched and with its latest saves (its -wal file), as {kept}.</source>
        <translation>Ouvrir plutôt la dernière sauvegarde automatique, du {when}&#x202f;? Le fichier endommagé est conservé intact, avec ses derniers enregistrements (son fichier -wal), sous le nom {kept}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="443"/>
        <source>Backup not made</source>
        <translation>Sauvegarde non faite</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="447"/>
        <source>Backup written</source>
        <translation>Sauvegarde écrite</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="461"/>
        <source>Replace the current data by {file}? The current database is kept as a backup first.</source>
        <translation>Remplacer les données actuelles par {file}&#x202f;? La base actuelle est d’abord conservée en sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="475"/>
        <location filename="../../mcim_desk/ui/main_window.py" line="480"/>
        <source>Backup not restored</source>
        <translation>Sauvegarde non restaurée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="476"/>
        <source>That file is not a sound database: {problem}</source>
        <translation>Ce fichier n’est pas une base de données saine&#xa0;: {problem}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="484"/>
        <source>Backup restored.</source>
        <translation>Sauvegarde restaurée.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="515"/>
        <source>Study forms not changed</source>
        <translation>Formulaires de l’étude inchangés</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="543"/>
        <source>About MCIM Desk</source>
        <translation>À propos de MCIM Desk</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="544"/>
        <source>{app} {version}

An offline desk for the study of inter-state consultation mechanisms on migration and the Global Compact for Migration.

Data folder: {folder}
Database: {db}</source>
        <translation>{app} {version}

Un poste de travail hors ligne pour l’étude des mécanismes consultatifs interétatiques sur la migration et du Pacte mondial sur les migrations.

Dossier des données&#xa0;: {folder}
Base de données&#xa0;: {db}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="549"/>
        <source>Built on {date}</source>
        <translation>Construit le {date}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="550"/>
        <source>Running from the source code</source>
        <translation>Exécuté depuis le code source</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="564"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="565"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="566"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="567"/>
        <source>&amp;Reports</source>
        <translation>&amp;Rapports</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="568"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="569"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="570"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="571"/>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="572"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="579"/>
        <source>Opening…</source>
        <translation>Ouverture…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="590"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="590"/>
        <source>&amp;Undo: {change}</source>
        <translation>&amp;Annuler&#xa0;: {change}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="591"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="591"/>
        <source>&amp;Redo: {change}</source>
        <translation>&amp;Rétablir&#xa0;: {change}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="574"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="575"/>
        <source>&amp;Find a mechanism</source>
        <translation>&amp;Rechercher un mécanisme</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="576"/>
        <source>&amp;About MCIM Desk</source>
        <translation>À &amp;propos de MCIM Desk</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="578"/>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
</context>
<context>
    <name>MechanismCardView</name>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="216"/>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="259"/>
        <source>Edit {field}</source>
        <translation>Modifier {field}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="349"/>
        <source>Add contact</source>
        <translation>Ajouter un contact</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="349"/>
        <source>Edit contact</source>
        <translation>Modifier le contact</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="365"/>
        <source>Remove contact</source>
        <translation>Retirer le contact</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="369"/>
        <source>Contact not saved</source>
        <translation>Contact non enregistré</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="378"/>
        <source>Chair</source>
        <translation>Président(e)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="379"/>
        <source>Head of secretariat</source>
        <translation>Chef du secrétariat</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="380"/>
        <source>Other contact</source>
        <translation>Autre contact</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="387"/>
        <source>Acronym (French)</source>
        <translation>Sigle (français)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="388"/>
        <source>Acronym (English)</source>
        <translation>Sigle (anglais)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="389"/>
        <source>Name (French)</source>
        <translation>Nom (français)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="390"/>
        <source>Name (English)</source>
        <translation>Nom (anglais)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="187"/>
        <source>Not recorded</source>
        <translation>Non renseignée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="193"/>
        <source>{n} State: </source>
        <translation>{n} État&#xa0;: </translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="193"/>
        <source>{n} States: </source>
        <translation>{n} États&#xa0;: </translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="202"/>
        <source>Member States of {acronym}</source>
        <translation>États membres&#xa0;: {acronym}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="391"/>
        <source>Chair country</source>
        <translation>Pays de la présidence</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="392"/>
        <source>Website</source>
        <translation>Site Internet</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="393"/>
        <source>Source of the membership</source>
        <translation>Source de la composition</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="399"/>
        <source>Member States</source>
        <translation>États membres</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="400"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="401"/>
        <source>Choose the member States in a searchable list</source>
        <translation>Choisir les États membres dans une liste où l’on peut chercher</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="403"/>
        <source>Where the list comes from: a web address and its date</source>
        <translation>D’où vient la liste&#xa0;: une adresse web et sa date</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="407"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="409"/>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="413"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="415"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="415"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="415"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="415"/>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="416"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="416"/>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="418"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="419"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="420"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
</context>
<context>
    <name>MechanismChoiceDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/submissions_import.py" line="40"/>
        <source>Which mechanism?</source>
        <translation>Quel mécanisme&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/submissions_import.py" line="43"/>
        <source>{count} submissions of {file} do not say which mechanism they are about. Choose the mechanism of each, or one for all; nothing is imported until then.</source>
        <translation>{count} soumissions de {file} ne disent pas de quel mécanisme elles relèvent. Choisissez le mécanisme de chacune, ou un pour toutes&#xa0;; rien n’est importé d’ici là.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/submissions_import.py" line="47"/>
        <source>The &amp;same mechanism for all</source>
        <translation>Le &amp;même mécanisme pour toutes</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/submissions_import.py" line="51"/>
        <source>Mechanism of every submission</source>
        <translation>Mécanisme de toutes les soumissions</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/submissions_import.py" line="60"/>
        <source>Mechanism of submission {number}</source>
        <translation>Mécanisme de la soumission {number}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/submissions_import.py" line="79"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/submissions_import.py" line="97"/>
        <source>— choose —</source>
        <translation>— choisir —</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/submissions_import.py" line="116"/>
        <source>Choose the mechanism of submission {numbers}.</source>
        <translation>Choisissez le mécanisme de la soumission {numbers}.</translation>
    </message>
</context>
<context>
    <name>MechanismListPanel</name>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="268"/>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="281"/>
        <source>All regions</source>
        <translation>Toutes les régions</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="302"/>
        <source>{shown} of {total} mechanisms shown</source>
        <translation>{shown} mécanismes affichés sur {total}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="318"/>
        <source>Search names and acronyms (French or English)…</source>
        <translation>Rechercher un nom ou un sigle (français ou anglais)…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="319"/>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="322"/>
        <source>Filter by type of mechanism</source>
        <translation>Filtrer par type de mécanisme</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="320"/>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="323"/>
        <source>Filter by region</source>
        <translation>Filtrer par région</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="321"/>
        <source>Search the mechanisms</source>
        <translation>Rechercher un mécanisme</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="324"/>
        <source>Mechanisms</source>
        <translation>Mécanismes</translation>
    </message>
</context>
<context>
    <name>MechanismTableModel</name>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="86"/>
        <source>RCP</source>
        <translation>PCR</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="86"/>
        <source>IRF</source>
        <translation>FIR</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="86"/>
        <source>Global</source>
        <translation>Mondial</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="126"/>
        <source>Acronym</source>
        <translation>Sigle</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="126"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="126"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="126"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <location filename="../../mcim_desk/ui/opening.py" line="10"/>
        <source>Creating the database…</source>
        <translation>Création de la base de données…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/opening.py" line="11"/>
        <source>Checking the database file…</source>
        <translation>Vérification du fichier de la base de données…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/opening.py" line="12"/>
        <source>Making the automatic backup…</source>
        <translation>Sauvegarde automatique…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/opening.py" line="13"/>
        <source>Preparing the database for this version…</source>
        <translation>Préparation de la base de données pour cette version…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/opening.py" line="14"/>
        <source>Loading the study’s reference data (mechanisms, the Compact’s objectives)…</source>
        <translation>Chargement des données de référence de l’étude (mécanismes, objectifs du Pacte)…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/opening.py" line="16"/>
        <source>Checking the study’s questionnaire and interview guide…</source>
        <translation>Vérification du questionnaire et du guide d’entretien de l’étude…</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="68"/>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="80"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="82"/>
        <source>&amp;Again:</source>
        <translation>&amp;Confirmation&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="98"/>
        <source>Type the passphrase.</source>
        <translation>Saisissez la phrase secrète.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="101"/>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes sont différentes.</translation>
    </message>
</context>
<context>
    <name>PdfChangesModel</name>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="104"/>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="105"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="106"/>
        <source>In the database</source>
        <translation>Dans la base de données</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="107"/>
        <source>In the PDF</source>
        <translation>Dans le PDF</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="108"/>
        <source>Validity</source>
        <translation>Validité</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="131"/>
        <source>cannot be saved</source>
        <translation>ne peut pas être enregistrée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="135"/>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="138"/>
        <source>(emptied: remove this row)</source>
        <translation>(vidée&#xa0;: supprimer cette ligne)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="139"/>
        <source>(empty: clear the answer)</source>
        <translation>(vide&#xa0;: effacer la réponse)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="141"/>
        <source>valid</source>
        <translation>valide</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="150"/>
        <source>Accept the PDF&apos;s answer to {question}</source>
        <translation>Accepter la réponse du PDF à {question}</translation>
    </message>
</context>
<context>
    <name>PdfForm</name>
    <message>
        <location filename="../../mcim_desk/exchange/pdf_form.py" line="413"/>
        <source>a text box was expected, the file has a {kind} field here</source>
        <translation>une zone de texte était attendue, le fichier contient ici un champ de type «&#xa0;{kind}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/pdf_form.py" line="425"/>
        <source>a text box holds a value that is not text ({kind})</source>
        <translation>une zone de texte contient une valeur qui n’est pas du texte ({kind})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/pdf_form.py" line="458"/>
        <source>this field is not part of the form (renamed or added?): its value is ignored</source>
        <translation>ce champ ne fait pas partie du formulaire (renommé ou ajouté&#x202f;?)&#xa0;: sa valeur est ignorée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/pdf_form.py" line="486"/>
        <source>a {expected} was expected, the file has a {kind} field here</source>
        <translation>un champ de type «&#xa0;{expected}&#xa0;» était attendu, le fichier contient ici un champ de type «&#xa0;{kind}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/pdf_form.py" line="489"/>
        <location filename="../../mcim_desk/exchange/pdf_form.py" line="558"/>
        <source>check box</source>
        <translation>case à cocher</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/pdf_form.py" line="491"/>
        <source>group of radio buttons</source>
        <translation>groupe de boutons radio</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/pdf_form.py" line="510"/>
        <source>a check box holds “{value}” instead of being ticked or not</source>
        <translation>une case à cocher contient «&#xa0;{value}&#xa0;» au lieu d’être cochée ou non</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/pdf_form.py" line="524"/>
        <source>“{value}” is not one of the choices of this question</source>
        <translation>«&#xa0;{value}&#xa0;» ne fait pas partie des choix de cette question</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/pdf_form.py" line="541"/>
        <source>this field is missing from the file: the answer it held is left as it is</source>
        <translation>ce champ est absent du fichier&#xa0;: la réponse qu’il contenait reste telle quelle</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/pdf_form.py" line="554"/>
        <source>push button</source>
        <translation>bouton-poussoir</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/pdf_form.py" line="556"/>
        <source>radio button</source>
        <translation>bouton radio</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/pdf_form.py" line="561"/>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/pdf_form.py" line="563"/>
        <source>list</source>
        <translation>liste</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/pdf_form.py" line="565"/>
        <source>signature</source>
        <translation>signature</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/pdf_form.py" line="571"/>
        <source>the hidden field {name} is missing</source>
        <translation>le champ caché {name} est absent</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/pdf_form.py" line="575"/>
        <source>the hidden field {name} is empty or not text</source>
        <translation>le champ caché {name} est vide ou ne contient pas de texte</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/exchange/pdf_form.py" line="581"/>
        <location filename="../../mcim_desk/exchange/pdf_form.py" line="589"/>
        <source>the hidden field {name} does not hold what MCIM Desk wrote</source>
        <translation>le champ caché {name} ne contient pas ce que MCIM Desk y a écrit</translation>
    </message>
</context>
<context>
    <name>PdfFormsMenu</name>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="528"/>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="546"/>
        <source>Questionnaire as fillable PDF</source>
        <translation>Questionnaire en PDF à remplir</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="529"/>
        <source>Select a mechanism in the list first.</source>
        <translation>Sélectionnez d’abord un mécanisme dans la liste.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="548"/>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="594"/>
        <source>PDF files</source>
        <translation>Fichiers PDF</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="559"/>
        <source>Fillable questionnaire written</source>
        <translation>Questionnaire à remplir écrit</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="565"/>
        <source>Questionnaire not written</source>
        <translation>Questionnaire non écrit</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="593"/>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="657"/>
        <source>Import a filled questionnaire (PDF)</source>
        <translation>Importer un questionnaire rempli (PDF)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="603"/>
        <source>Reading {file}…</source>
        <translation>Lecture de {file}…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="616"/>
        <source>Questionnaire not imported</source>
        <translation>Questionnaire non importé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="647"/>
        <source>{file}: {changed} answer(s) saved from the PDF form.</source>
        <translation>{file}&#xa0;: {changed} réponse(s) enregistrée(s) depuis le formulaire PDF.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="264"/>
        <source>Questionnaire as fillable &amp;PDF…</source>
        <translation>Questionnaire en &amp;PDF à remplir…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="267"/>
        <source>I&amp;mport a filled questionnaire (PDF)…</source>
        <translation>Importer un questionnaire re&amp;mpli (PDF)…</translation>
    </message>
</context>
<context>
    <name>PdfImport</name>
    <message>
        <location filename="../../mcim_desk/services/pdf_forms.py" line="135"/>
        <source>Unknown language “{lang}”: use fr or en.</source>
        <translation>Langue inconnue «&#xa0;{lang}&#xa0;»&#xa0;: utilisez fr ou en.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_forms.py" line="155"/>
        <source>No mechanism is called “{name}”.</source>
        <translation>Aucun mécanisme ne s’appelle «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_forms.py" line="170"/>
        <source>No questionnaire form is installed.</source>
        <translation>Aucun formulaire de questionnaire n’est installé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_forms.py" line="228"/>
        <source>The folder {folder} does not exist.</source>
        <translation>Le dossier {folder} n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_forms.py" line="279"/>
        <source>{file} cannot be written: {error}</source>
        <translation>{file} ne peut pas être écrit&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="40"/>
        <source>{file} cannot be opened ({detail}).</source>
        <translation>{file} ne peut pas être ouvert ({detail}).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="44"/>
        <source>{file} is larger than {limit} MB, far more than a questionnaire: it was not read.</source>
        <translation>{file} dépasse {limit} Mo, bien plus qu’un questionnaire&#xa0;: il n’a pas été lu.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="49"/>
        <source>{file} is not a PDF file.</source>
        <translation>{file} n’est pas un fichier PDF.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="53"/>
        <source>{file} is protected by a password (encrypted): save a copy without a password and import that copy.</source>
        <translation>{file} est protégé par un mot de passe (chiffré)&#xa0;: enregistrez-en une copie sans mot de passe et importez cette copie.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="59"/>
        <source>{file} took longer than {seconds} seconds to read and was abandoned: it is damaged, or built to do harm.</source>
        <translation>La lecture de {file} a pris plus de {seconds} secondes et a été abandonnée&#xa0;: le fichier est endommagé, ou conçu pour nuire.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="65"/>
        <source>{file} could not be read: the reader stopped ({detail}).</source>
        <translation>{file} n’a pas pu être lu&#xa0;: le lecteur s’est arrêté ({detail}).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="69"/>
        <source>{file} has no form fields: it is not a fillable questionnaire, or it was printed to PDF, which drops the fields.</source>
        <translation>{file} ne contient aucun champ de formulaire&#xa0;: ce n’est pas un questionnaire à remplir, ou il a été imprimé en PDF, ce qui supprime les champs.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="74"/>
        <source>{file} is damaged and cannot be read ({detail}).</source>
        <translation>{file} est endommagé et ne peut pas être lu ({detail}).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="188"/>
        <source>The file is damaged and was repaired while reading ({detail}): check the answers below with care.</source>
        <translation>Le fichier est endommagé et a été réparé pendant la lecture ({detail})&#xa0;: vérifiez attentivement les réponses ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="202"/>
        <source>{file} is not a questionnaire made by MCIM Desk: it lacks the hidden field that names its form and mechanism.</source>
        <translation>{file} n’est pas un questionnaire créé par MCIM Desk&#xa0;: il lui manque le champ caché qui indique son formulaire et son mécanisme.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="216"/>
        <source>(the form and mechanism were read from the document&apos;s properties; what the file was pre-filled with is unknown)</source>
        <translation>(le formulaire et le mécanisme ont été lus dans les propriétés du document&#x202f;; les valeurs préremplies dans le fichier sont inconnues)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="229"/>
        <source>{file} was made from the form “{form}”, which this database does not have.</source>
        <translation>{file} a été créé à partir du formulaire «&#xa0;{form}&#xa0;», absent de cette base de données.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="244"/>
        <source>{file} is for the mechanism “{mechanism}”, which this database does not have.</source>
        <translation>{file} concerne le mécanisme «&#xa0;{mechanism}&#xa0;», absent de cette base de données.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="260"/>
        <source>This file is for {mechanism}, not for {expected}: its answers go to {mechanism}.</source>
        <translation>Ce fichier concerne {mechanism}, et non {expected}&#xa0;: ses réponses iront à {mechanism}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="284"/>
        <source>The response this file names belongs to another mechanism or form in this database: the answers are compared with the questionnaire of {mechanism} instead.</source>
        <translation>La réponse au questionnaire que désigne ce fichier appartient à un autre mécanisme ou à un autre formulaire dans cette base de données&#xa0;: les réponses sont comparées, à la place, avec le questionnaire de {mechanism}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="300"/>
        <source>This file was made from version {pdf} of the form; the answers are compared with version {here}: fields of questions that differ are reported below.</source>
        <translation>Ce fichier a été créé à partir de la version {pdf} du formulaire&#x202f;; les réponses sont comparées avec la version {here}&#xa0;: les champs des questions qui diffèrent sont signalés ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="331"/>
        <source>The value holds a NUL character, which no typed text holds: it cannot be saved (a damaged or edited file?).</source>
        <translation>La valeur contient un caractère NUL, qu’aucun texte saisi ne contient&#xa0;: elle ne peut pas être enregistrée (fichier endommagé ou modifié&#xa0;?).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="355"/>
        <source>This question does not apply given the other answers (see its “Answer only if” line): the answer would be kept but not counted.</source>
        <translation>Cette question ne s’applique pas compte tenu des autres réponses (voir sa ligne «&#xa0;Répondez uniquement si&#xa0;»)&#xa0;: la réponse serait conservée mais pas prise en compte.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="395"/>
        <source>This answer was not imported.</source>
        <translation>Cette réponse n’a pas été importée.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="485"/>
        <source>{question} — {category}, line {row}</source>
        <translation>{question} — {category}, ligne {row}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="546"/>
        <source>“{key}” is not an answer of this file.</source>
        <translation>«&#xa0;{key}&#xa0;» n’est pas une réponse de ce fichier.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="552"/>
        <source>The answer to “{question}” cannot be saved: {reason}</source>
        <translation>La réponse à «&#xa0;{question}&#xa0;» ne peut pas être enregistrée&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="562"/>
        <source>No answer was accepted: nothing was saved.</source>
        <translation>Aucune réponse n’a été acceptée&#xa0;: rien n’a été enregistré.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/pdf_returns.py" line="575"/>
        <source>Answers were entered for this mechanism since the file was read: read the file again.</source>
        <translation>Des réponses ont été saisies pour ce mécanisme depuis la lecture du fichier&#xa0;: lisez à nouveau le fichier.</translation>
    </message>
</context>
<context>
    <name>PdfImportDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="238"/>
        <source>Review a filled questionnaire — {file}</source>
        <translation>Vérifier un questionnaire rempli — {file}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="248"/>
        <source>{file}: questionnaire of {mechanism}</source>
        <translation>{file}&#xa0;: questionnaire de {mechanism}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="254"/>
        <source>This mechanism has no questionnaire response yet: applying creates it.</source>
        <translation>Ce mécanisme n’a pas encore de réponse au questionnaire&#xa0;: «&#xa0;Appliquer&#xa0;» la créera.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="258"/>
        <source>Compared with the questionnaire response recorded here (form version {version}, status: {status}).</source>
        <translation>Comparaison avec la réponse au questionnaire enregistrée ici (version du formulaire {version}, état&#xa0;: {status}).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="262"/>
        <source>{changes} answer(s) differ; {same} are the same in both; {newer} changed here since the file was made and were left unchanged in it (kept as they are here).</source>
        <translation>{changes} réponse(s) diffèrent&#x202f;; {same} sont identiques des deux côtés&#x202f;; {newer} ont été modifiées ici depuis la création du fichier et sont restées inchangées dans celui-ci (conservées telles qu’elles sont ici).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="306"/>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="405"/>
        <source>In the database</source>
        <translation>Dans la base de données</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="307"/>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="406"/>
        <source>In the PDF</source>
        <translation>Dans le PDF</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="315"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="315"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="315"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="327"/>
        <source>(the whole file)</source>
        <translation>(le fichier entier)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="337"/>
        <source>Problems found in the file, per field ({count}):</source>
        <translation>Problèmes trouvés dans le fichier, par champ ({count})&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="354"/>
        <source>Accept all &amp;valid</source>
        <translation>Accepter tout ce qui est &amp;valide</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="356"/>
        <source>&amp;Reject all</source>
        <translation>Tout &amp;refuser</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="361"/>
        <source>&amp;Apply</source>
        <translation>A&amp;ppliquer</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="374"/>
        <source>&amp;Differences (Space accepts or rejects the selected rows):</source>
        <translation>&amp;Différences (la touche Espace accepte ou refuse les lignes sélectionnées)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="404"/>
        <source>Differences</source>
        <translation>Différences</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="422"/>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="423"/>
        <source>complete</source>
        <translation>complète</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="424"/>
        <source>validated</source>
        <translation>validée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="434"/>
        <source>The PDF&apos;s answer is valid.</source>
        <translation>La réponse du PDF est valide.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="443"/>
        <source>{accepted} of {total} difference(s) accepted; the others are left as they are here.</source>
        <translation>{accepted} différence(s) acceptée(s) sur {total}&#x202f;; les autres restent telles qu’elles sont ici.</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="80"/>
        <source>Reschedule the interview</source>
        <translation>Reporter l’entretien</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="80"/>
        <source>Plan an interview</source>
        <translation>Planifier un entretien</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="87"/>
        <source>New contact…</source>
        <translation>Nouveau contact…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="90"/>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="98"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="99"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="100"/>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="105"/>
        <source>e.g. America/Lima</source>
        <translation>p. ex. America/Lima</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="108"/>
        <source>YYYY-MM-DD or DD/MM/YYYY</source>
        <translation>AAAA-MM-JJ ou JJ/MM/AAAA</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="129"/>
        <source>&amp;From – to (interviewee’s clock)</source>
        <translation>De – à (&amp;heure de la personne interrogée)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="132"/>
        <source>&amp;Interviewee</source>
        <translation>&amp;Personne interrogée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="134"/>
        <source>Interviewee’s time &amp;zone</source>
        <translation>&amp;Fuseau horaire de la personne interrogée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="135"/>
        <source>&amp;Date (interviewee’s calendar)</source>
        <translation>&amp;Date (calendrier de la personne interrogée)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="137"/>
        <source>Both local times</source>
        <translation>Les deux heures locales</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="159"/>
        <source>To (interviewee’s clock)</source>
        <translation>Fin (heure de la personne interrogée)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/interviews_page.py" line="225"/>
        <source>{date} · {times} · {minutes} min</source>
        <translation>{date} · {times} · {minutes} min</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/preferences_dialog.py" line="44"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/preferences_dialog.py" line="63"/>
        <source>Profile name (written in the audit log)</source>
        <translation>Nom de profil (inscrit dans le journal d’audit)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/preferences_dialog.py" line="64"/>
        <source>My time zone</source>
        <translation>Mon fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/preferences_dialog.py" line="65"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/preferences_dialog.py" line="74"/>
        <source>The study’s questionnaire (this database)</source>
        <translation>Questionnaire de l’étude (cette base de données)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/preferences_dialog.py" line="75"/>
        <source>The study’s interview guide (this database)</source>
        <translation>Guide d’entretien de l’étude (cette base de données)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/preferences_dialog.py" line="98"/>
        <source>{form} (not installed)</source>
        <translation>{form} (non installé)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/preferences_dialog.py" line="106"/>
        <source>The profile name cannot be empty.</source>
        <translation>Le nom de profil ne peut pas être vide.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/preferences_dialog.py" line="112"/>
        <source>The profile name has {count} characters, more than the limit of {limit}.</source>
        <translation>Le nom de profil compte {count} caractères, plus que la limite de {limit}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/preferences_dialog.py" line="119"/>
        <source>Unknown time zone “{zone}”: use a name such as Europe/Geneva.</source>
        <translation>Fuseau horaire inconnu «&#xa0;{zone}&#xa0;»&#xa0;: utilisez un nom comme Europe/Geneva.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../mcim_desk/ui/qt_file_dialog.py" line="29"/>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/qt_file_dialog.py" line="31"/>
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation>Raccourci</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/qt_file_dialog.py" line="32"/>
        <source>Drive</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/qt_file_dialog.py" line="33"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/qt_file_dialog.py" line="35"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/qt_file_dialog.py" line="24"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/qt_file_dialog.py" line="25"/>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#xa0;:</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../../mcim_desk/ui/qt_file_dialog.py" line="27"/>
        <source>Date Modified</source>
        <translation>Modifié le</translation>
    </message>
</context>
<context>
    <name>QuestionWidget</name>
    <message>
        <location filename="../../mcim_desk/ui/question_widget.py" line="249"/>
        <source>The note has {length} characters, more than the limit of {limit}.</source>
        <translation>La note compte {length} caractères, au-delà de la limite de {limit}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/question_widget.py" line="376"/>
        <source>Filter the choices…</source>
        <translation>Filtrer les choix…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/question_widget.py" line="402"/>
        <source>Filter the choices of: {question}</source>
        <translation>Filtrer les choix de&#xa0;: {question}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/question_widget.py" line="405"/>
        <source>Notes on: {question}</source>
        <translation>Notes sur&#xa0;: {question}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/answer_editors.py" line="32"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/question_widget.py" line="386"/>
        <source>Notes on this question…</source>
        <translation>Notes sur cette question…</translation>
    </message>
</context>
<context>
    <name>QuestionnaireMenu</name>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="69"/>
        <source>Questionnaire</source>
        <translation>Questionnaire</translation>
    </message>
</context>
<context>
    <name>QuestionnairePage</name>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="187"/>
        <source>Answers to complete or correct before this response is complete: {n}</source>
        <translation>Réponses à compléter ou à corriger avant que cette réponse soit complète&#xa0;: {n}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="167"/>
        <source>All answers are complete and valid.</source>
        <translation>Toutes les réponses sont complètes et valides.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="186"/>
        <source>and {n} more</source>
        <translation>et {n} autre(s)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="210"/>
        <source>Not validated</source>
        <translation>Non validée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="218"/>
        <source>Changed elsewhere</source>
        <translation>Modifiée ailleurs</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="219"/>
        <source>The response is shown again as it is saved now.</source>
        <translation>La réponse est de nouveau affichée telle qu’elle est enregistrée maintenant.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="251"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="252"/>
        <source>Complete</source>
        <translation>Complète</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="253"/>
        <source>Validated</source>
        <translation>Validé</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="258"/>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="259"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="260"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="261"/>
        <source>PDF form</source>
        <translation>Formulaire PDF</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="262"/>
        <source>Import</source>
        <translation>Importation</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="272"/>
        <source>No questionnaire entered yet for this survey round.</source>
        <translation>Aucun questionnaire saisi pour l’instant dans ce cycle d’enquête.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="274"/>
        <source>Status: {status}</source>
        <translation>État&#xa0;: {status}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="280"/>
        <source>&amp;Source:</source>
        <translation>&amp;Source&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="282"/>
        <source>Source of the response</source>
        <translation>Source de la réponse</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="292"/>
        <source>Type in a questionnaire returned on paper, by e-mail or answered by phone: every answer is saved as you go.</source>
        <translation>Saisissez un questionnaire reçu sur papier, par courriel ou rempli par téléphone&#xa0;: chaque réponse est enregistrée au fil de la saisie.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="288"/>
        <source>Check answers</source>
        <translation>Vérifier les réponses</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="289"/>
        <source>Show every missing or invalid answer (Ctrl+Return)</source>
        <translation>Afficher toutes les réponses manquantes ou non valides (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="290"/>
        <source>Mark as validated</source>
        <translation>Marquer comme validée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="291"/>
        <source>History…</source>
        <translation>Historique…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/questionnaire_page.py" line="294"/>
        <source>Enter the questionnaire</source>
        <translation>Saisir le questionnaire</translation>
    </message>
</context>
<context>
    <name>QuestionnairePdfDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="473"/>
        <source>Questionnaire as fillable PDF</source>
        <translation>Questionnaire en PDF à remplir</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="477"/>
        <source>A PDF the chair can fill in with any PDF reader and send back; importing the returned file shows each answer for review before anything is saved. The mechanism&apos;s name, chair and head of secretariat are filled in from its card.</source>
        <translation>Un PDF que la présidence peut remplir avec n’importe quel lecteur PDF, puis renvoyer&#x202f;; l’importation du fichier renvoyé présente chaque réponse pour vérification avant tout enregistrement. Le nom du mécanisme, sa présidence et son chef du secrétariat sont préremplis à partir de sa fiche.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="490"/>
        <source>&amp;Include the answers already recorded</source>
        <translation>&amp;Inclure les réponses déjà enregistrées</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="495"/>
        <source>Mechanism:</source>
        <translation>Mécanisme&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="496"/>
        <source>&amp;Language of the form:</source>
        <translation>&amp;Langue du formulaire&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/pdf_import.py" line="499"/>
        <source>&amp;Save as…</source>
        <translation>&amp;Enregistrer sous…</translation>
    </message>
</context>
<context>
    <name>QuoteBrowser</name>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="149"/>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="154"/>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="162"/>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="155"/>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="246"/>
        <source>Call notes</source>
        <translation>Notes d’appel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="224"/>
        <source>cleared</source>
        <translation>autorisée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="226"/>
        <source>text changed since</source>
        <translation>texte modifié depuis</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="228"/>
        <source>“{text}”</source>
        <translation>«&#xa0;{text}&#xa0;»</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mcim_desk/ui/quote_browser.py" line="236"/>
        <source>%n quote(s)</source>
        <translation>
            <numerusform>%n citation(s)</numerusform>
            <numerusform>%n citation(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mcim_desk/ui/quote_browser.py" line="237"/>
        <source>%n coded passage(s)</source>
        <translation>
            <numerusform>%n passage(s) codé(s)</numerusform>
            <numerusform>%n passage(s) codé(s)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="250"/>
        <source>Note on {question}</source>
        <translation>Note sur {question}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="328"/>
        <source>Edit a quote</source>
        <translation>Modifier une citation</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="348"/>
        <source>Remove a quote</source>
        <translation>Retirer une citation</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="373"/>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="394"/>
        <source>Quotes</source>
        <translation>Citations</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="374"/>
        <source>Coded passages</source>
        <translation>Passages codés</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="377"/>
        <source>S&amp;how:</source>
        <translation>&amp;Afficher&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="378"/>
        <source>&amp;Tag:</source>
        <translation>É&amp;tiquette&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="379"/>
        <source>&amp;Mechanism:</source>
        <translation>&amp;Mécanisme&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="380"/>
        <source>&amp;Question:</source>
        <translation>&amp;Question&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="381"/>
        <source>&amp;Code:</source>
        <translation>&amp;Code&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="383"/>
        <source>Mechanism</source>
        <translation>Mécanisme</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="383"/>
        <source>Speaker</source>
        <translation>Personne citée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="383"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="383"/>
        <source>Words</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="384"/>
        <source>Tags / codes</source>
        <translation>Étiquettes / codes</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="384"/>
        <source>Flags</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="387"/>
        <source>&amp;Open at the quote</source>
        <translation>&amp;Ouvrir à la citation</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="388"/>
        <source>&amp;Edit…</source>
        <translation>Mo&amp;difier…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="389"/>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_browser.py" line="390"/>
        <source>Code&amp;book…</source>
        <translation>&amp;Grille de codage…</translation>
    </message>
</context>
<context>
    <name>QuoteDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/quote_dialog.py" line="44"/>
        <location filename="../../mcim_desk/ui/quote_dialog.py" line="90"/>
        <source>Quote</source>
        <translation>Citation</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_dialog.py" line="56"/>
        <source>Filter the themes, principles and objectives…</source>
        <translation>Filtrer les thèmes, principes et objectifs…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_dialog.py" line="71"/>
        <source>Other tags, separated by commas</source>
        <translation>Autres étiquettes, séparées par des virgules</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_dialog.py" line="72"/>
        <source>&amp;Cleared for publication</source>
        <translation>&amp;Autorisée à la publication</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_dialog.py" line="80"/>
        <source>Cleared for publication needs the interviewee’s consent to be named or quoted; it has not been recorded for this interview.</source>
        <translation>L’autorisation à la publication nécessite le consentement de la personne interrogée à être nommée ou citée&#x202f;; il n’a pas été enregistré pour cet entretien.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_dialog.py" line="92"/>
        <source>Speaker</source>
        <translation>Personne citée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_dialog.py" line="93"/>
        <source>&amp;Tags from the Compact</source>
        <translation>É&amp;tiquettes du Pacte</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_dialog.py" line="95"/>
        <source>&amp;Other tags</source>
        <translation>A&amp;utres étiquettes</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_dialog.py" line="107"/>
        <source>Tags from the Compact</source>
        <translation>Étiquettes du Pacte</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/quote_dialog.py" line="108"/>
        <source>Filter the tags from the Compact</source>
        <translation>Filtrer les étiquettes du Pacte</translation>
    </message>
</context>
<context>
    <name>Quotes</name>
    <message>
        <location filename="../../mcim_desk/services/quotes.py" line="130"/>
        <source>There is no quote or passage {id}.</source>
        <translation>La citation ou le passage {id} n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/quotes.py" line="214"/>
        <source>The selected words are not in the saved text any more: save the answer, then select again.</source>
        <translation>Les mots sélectionnés ne figurent plus dans le texte enregistré&#xa0;: enregistrez la réponse, puis sélectionnez-les à nouveau.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/quotes.py" line="225"/>
        <source>Select some words of an answer or of the notes first.</source>
        <translation>Sélectionnez d’abord quelques mots d’une réponse ou des notes.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/quotes.py" line="229"/>
        <source>The selection’s end must come after its start.</source>
        <translation>La fin de la sélection doit se trouver après son début.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/quotes.py" line="239"/>
        <source>The tag “{tag}…” is too long (at most {limit} characters).</source>
        <translation>L’étiquette «&#xa0;{tag}…&#xa0;» est trop longue ({limit} caractères au maximum).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/quotes.py" line="247"/>
        <source>This quote cannot be cleared for publication: the interviewee has not agreed to be named or quoted. Record their consent in the call workspace first.</source>
        <translation>Cette citation ne peut pas être autorisée à la publication&#xa0;: la personne interrogée n’a pas accepté d’être nommée ou citée. Enregistrez d’abord son consentement dans l’espace d’appel.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/quotes.py" line="283"/>
        <location filename="../../mcim_desk/services/quotes.py" line="447"/>
        <source>Unknown text field “{field}”.</source>
        <translation>Champ de texte inconnu «&#xa0;{field}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/quotes.py" line="292"/>
        <source>A quote comes from an interview: open the interview first.</source>
        <translation>Une citation provient d’un entretien&#xa0;: ouvrez d’abord l’entretien.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/quotes.py" line="299"/>
        <source>Choose the answer the quote comes from.</source>
        <translation>Choisissez la réponse dont provient la citation.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/quotes.py" line="305"/>
        <source>The quote’s mechanism is not the interview’s.</source>
        <translation>Le mécanisme de la citation n’est pas celui de l’entretien.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/quotes.py" line="415"/>
        <source>Choose at least one code.</source>
        <translation>Choisissez au moins un code.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/quotes.py" line="421"/>
        <source>The code {id} is not in the codebook.</source>
        <translation>Le code {id} ne figure pas dans la grille de codage.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/quotes.py" line="453"/>
        <source>There is no response {id}.</source>
        <translation>La réponse {id} n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/quotes.py" line="575"/>
        <source>A code needs a label, in French or in English.</source>
        <translation>Un code doit avoir un libellé, en français ou en anglais.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/quotes.py" line="577"/>
        <source>A code’s label has at most 256 characters.</source>
        <translation>Le libellé d’un code compte au maximum 256 caractères.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/quotes.py" line="581"/>
        <source>“{value}” is not a colour: use the form #RRGGBB, e.g. #2a7ab0.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une couleur&#xa0;: utilisez la forme #RRVVBB, p. ex. #2a7ab0.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/quotes.py" line="598"/>
        <source>The parent code is not in the codebook.</source>
        <translation>Le code parent ne figure pas dans la grille de codage.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/quotes.py" line="605"/>
        <source>A code cannot be placed under itself or one of its sub-codes.</source>
        <translation>Un code ne peut pas être placé sous lui-même ni sous l’un de ses sous-codes.</translation>
    </message>
</context>
<context>
    <name>RankEditor</name>
    <message>
        <location filename="../../mcim_desk/ui/answer_editors.py" line="154"/>
        <source>Move up (Alt+Up)</source>
        <translation>Monter (Alt+Haut)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/answer_editors.py" line="155"/>
        <source>Move down (Alt+Down)</source>
        <translation>Descendre (Alt+Bas)</translation>
    </message>
</context>
<context>
    <name>RecentDatabases</name>
    <message>
        <location filename="../../mcim_desk/ui/recent_databases.py" line="76"/>
        <source>{file} is the database open in this window.</source>
        <translation>{file} est la base de données ouverte dans cette fenêtre.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/recent_databases.py" line="84"/>
        <source>Database not opened</source>
        <translation>Base de données non ouverte</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/recent_databases.py" line="89"/>
        <source>Opened {file}</source>
        <translation>{file} ouverte</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/recent_databases.py" line="103"/>
        <source>Open a database</source>
        <translation>Ouvrir une base de données</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/recent_databases.py" line="104"/>
        <source>MCIM Desk databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>Bases de données MCIM Desk (*.sqlite3 *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/recent_databases.py" line="121"/>
        <source>{entry} (missing)</source>
        <translation>{entry} (introuvable)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/recent_databases.py" line="133"/>
        <source>&amp;Remove the missing files from the list</source>
        <translation>&amp;Retirer de la liste les fichiers introuvables</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/recent_databases.py" line="156"/>
        <source>&amp;Open a database…</source>
        <translation>Ouvrir une &amp;base de données…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/recent_databases.py" line="157"/>
        <source>Recen&amp;t databases</source>
        <translation>Bases de données réce&amp;ntes</translation>
    </message>
</context>
<context>
    <name>RepeatWidget</name>
    <message>
        <location filename="../../mcim_desk/ui/repeat_widget.py" line="85"/>
        <source>Entry {n}</source>
        <translation>Entrée {n}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/repeat_widget.py" line="92"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/repeat_widget.py" line="88"/>
        <source>Move entry {n} up</source>
        <translation>Monter l’entrée {n}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/repeat_widget.py" line="90"/>
        <source>Move entry {n} down</source>
        <translation>Descendre l’entrée {n}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/repeat_widget.py" line="92"/>
        <source>Remove entry {n}</source>
        <translation>Retirer l’entrée {n}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/repeat_widget.py" line="139"/>
        <source>The form asks for {count} entries here ({present} so far).</source>
        <translation>Le formulaire demande ici {count} entrées ({present} pour l’instant).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/repeat_widget.py" line="148"/>
        <source>Add an entry</source>
        <translation>Ajouter une entrée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/repeat_widget.py" line="149"/>
        <source>No entry yet.</source>
        <translation>Aucune entrée pour l’instant.</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../mcim_desk/services/reports/common.py" line="54"/>
        <source>Unknown report language “{lang}”: use fr or en.</source>
        <translation>Langue de rapport inconnue «&#xa0;{lang}&#xa0;»&#xa0;: utilisez fr ou en.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/reports/profile.py" line="121"/>
        <source>A profile needs a mechanism: give its acronym.</source>
        <translation>Une fiche nécessite un mécanisme&#xa0;: indiquez son sigle.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/reports/profile.py" line="128"/>
        <source>No mechanism is called “{name}”.</source>
        <translation>Aucun mécanisme ne s’appelle «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/reports/blank_forms.py" line="30"/>
        <source>No {kind} form is installed.</source>
        <translation>Aucun formulaire «&#xa0;{kind}&#xa0;» n’est installé.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/reports/build.py" line="58"/>
        <source>Unknown report “{kind}”.</source>
        <translation>Rapport inconnu «&#xa0;{kind}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/reports/build.py" line="64"/>
        <source>The folder {folder} does not exist: choose another place for the report.</source>
        <translation>Le dossier {folder} n’existe pas&#xa0;: choisissez un autre emplacement pour le rapport.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/reports/build.py" line="70"/>
        <source>{path} is a folder: give a file name for the report.</source>
        <translation>{path} est un dossier&#xa0;: indiquez un nom de fichier pour le rapport.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/reports/build.py" line="80"/>
        <source>Reading the data…</source>
        <translation>Lecture des données…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/reports/build.py" line="89"/>
        <source>Laying out the pages…</source>
        <translation>Mise en page…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/reports/build.py" line="109"/>
        <source>Cannot write {path}: {problem}</source>
        <translation>Impossible d’écrire {path}&#xa0;: {problem}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/reports/build.py" line="113"/>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="139"/>
        <source>Print a report</source>
        <translation>Imprimer un rapport</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="141"/>
        <source>Summary of findings</source>
        <translation>Synthèse des résultats</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="142"/>
        <source>Mechanism profile</source>
        <translation>Profil du mécanisme</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="143"/>
        <source>Follow-up status</source>
        <translation>État des suivis</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="144"/>
        <source>Blank questionnaire</source>
        <translation>Questionnaire vierge</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="145"/>
        <source>Blank interview guide</source>
        <translation>Guide d’entretien vierge</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="149"/>
        <source>&amp;Report:</source>
        <translation>&amp;Rapport&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="150"/>
        <source>&amp;Language of the report:</source>
        <translation>&amp;Langue du rapport&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="151"/>
        <source>&amp;Mechanism:</source>
        <translation>&amp;Mécanisme&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="152"/>
        <source>&amp;File:</source>
        <translation>&amp;Fichier&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="153"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="154"/>
        <source>&amp;Create the report</source>
        <translation>&amp;Créer le rapport</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="201"/>
        <source>Save the report as</source>
        <translation>Enregistrer le rapport sous</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="201"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="214"/>
        <source>No file</source>
        <translation>Aucun fichier</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="214"/>
        <source>Choose the file to write the report to.</source>
        <translation>Choisissez le fichier dans lequel écrire le rapport.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="220"/>
        <source>Preparing the report…</source>
        <translation>Préparation du rapport…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/devtools/screens.py" line="476"/>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="257"/>
        <source>Report written</source>
        <translation>Rapport écrit</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="266"/>
        <source>The report could not be written to {path}: {problem}</source>
        <translation>Le rapport n’a pas pu être écrit dans {path}&#xa0;: {problem}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="269"/>
        <source>The report could not be made: {problem}</source>
        <translation>Le rapport n’a pas pu être créé&#xa0;: {problem}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/reports_dialog.py" line="270"/>
        <source>Report not created</source>
        <translation>Rapport non créé</translation>
    </message>
</context>
<context>
    <name>ReportsMenu</name>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="116"/>
        <source>&amp;Print a report…</source>
        <translation>&amp;Imprimer un rapport…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="119"/>
        <source>Create a &amp;demo database…</source>
        <translation>Créer une base de &amp;démonstration…</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <location filename="../../mcim_desk/services/search.py" line="28"/>
        <source>Answers</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/search.py" line="29"/>
        <source>Notes on questions</source>
        <translation>Notes sur les questions</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/search.py" line="30"/>
        <location filename="../../mcim_desk/services/search.py" line="220"/>
        <source>Call notes</source>
        <translation>Notes d’appel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/search.py" line="31"/>
        <source>Quotes</source>
        <translation>Citations</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/search.py" line="32"/>
        <source>Coded passages</source>
        <translation>Passages codés</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/search.py" line="33"/>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/search.py" line="34"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/search.py" line="35"/>
        <source>Mechanisms</source>
        <translation>Mécanismes</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/search.py" line="228"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/search.py" line="231"/>
        <source>Mechanism</source>
        <translation>Mécanisme</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/search.py" line="237"/>
        <source>Note on {question}</source>
        <translation>Note sur {question}</translation>
    </message>
</context>
<context>
    <name>SearchMenu</name>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="314"/>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/features.py" line="316"/>
        <source>&amp;Search…</source>
        <translation>Rechercher &amp;partout…</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../mcim_desk/ui/search_page.py" line="182"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/search_page.py" line="203"/>
        <source>The search could not be run: {problem}</source>
        <translation>La recherche n’a pas pu être faite&#xa0;: {problem}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/search_page.py" line="210"/>
        <source>Mechanism</source>
        <translation>Mécanisme</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/search_page.py" line="210"/>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/search_page.py" line="210"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/search_page.py" line="245"/>
        <source>Type at least one word (a word with - in front is left out).</source>
        <translation>Tapez au moins un mot (un mot précédé de - est exclu).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/search_page.py" line="247"/>
        <source>No match.</source>
        <translation>Aucun résultat.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mcim_desk/ui/search_page.py" line="249"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/search_page.py" line="251"/>
        <source>Not understood: {filters}</source>
        <translation>Non compris&#xa0;: {filters}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/search_page.py" line="296"/>
        <source>Search answers, notes, quotes, follow-ups, contacts… (Ctrl+F)</source>
        <translation>Rechercher dans les réponses, notes, citations, suivis, contacts… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/search_page.py" line="297"/>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/search_page.py" line="298"/>
        <source>Kind of record</source>
        <translation>Type d’enregistrement</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/search_page.py" line="299"/>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/search_page.py" line="300"/>
        <source>Include answers hidden by the skip logic</source>
        <translation>Inclure les réponses masquées par les conditions d’affichage</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/search_page.py" line="302"/>
        <source>Accents and case do not matter. capacit* finds words starting with capacit; &quot;processus de Rabat&quot; finds the phrase; -khartoum leaves out texts with that word; filters: type:rcp region:africa mechanism:ACRONYM form:ID kind:quote from:2026-01-31 to:2026-03-31.</source>
        <translation>Les accents et la casse ne comptent pas. capacit* trouve les mots commençant par capacit&#x202f;; &quot;processus de Rabat&quot; trouve l’expression&#x202f;; -khartoum exclut les textes contenant ce mot&#x202f;; filtres&#xa0;: type:rcp region:africa mechanism:SIGLE form:ID kind:quote from:2026-01-31 to:2026-03-31.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/search_page.py" line="309"/>
        <source>Every kind</source>
        <translation>Tous les types</translation>
    </message>
</context>
<context>
    <name>SpreadsheetDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="186"/>
        <source>Export spreadsheets</source>
        <translation>Exporter en tableur</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="189"/>
        <source>Excel workbook (.xlsx), one sheet per form</source>
        <translation>Classeur Excel (.xlsx), une feuille par formulaire</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="190"/>
        <source>CSV files (UTF-8), one file per form</source>
        <translation>Fichiers CSV (UTF-8), un fichier par formulaire</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="196"/>
        <source>Write choice &amp;labels instead of codes</source>
        <translation>Écrire les &amp;libellés des choix au lieu des codes</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="199"/>
        <source>One row per response and one column per question; a column is headed by the question’s section and number (q4 is question 4). The partners of question 25 are on a sheet of their own.</source>
        <translation>Une ligne par réponse et une colonne par question&#xa0;; chaque colonne porte la section et le numéro de la question (q4 est la question 4). Les partenaires de la question 25 sont sur une feuille à part.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="203"/>
        <source>The layout of KoboToolbox exports: columns named by question path (section_2/q4). In CSV files, text starting with = + - @ is written with a leading apostrophe so that no spreadsheet reads it as a formula.</source>
        <translation>La disposition des exports KoboToolbox&#xa0;: colonnes nommées par le chemin de la question (section_2/q4). Dans les fichiers CSV, un texte commençant par = + - @ est précédé d’une apostrophe afin qu’aucun tableur ne le lise comme une formule.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="207"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="208"/>
        <source>&amp;Language of labels:</source>
        <translation>La&amp;ngue des libellés&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/exchange_dialogs.py" line="210"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../mcim_desk/services/startup.py" line="40"/>
        <source>Cannot open the database on the server {server}: {reason}</source>
        <translation>Impossible d’ouvrir la base de données sur le serveur {server}&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/startup.py" line="63"/>
        <source>{where}, database “{name}”</source>
        <translation>{where}, base «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/startup.py" line="75"/>
        <source>the server’s name is unknown (check its spelling, the network connection or the VPN).</source>
        <translation>le nom du serveur est inconnu (vérifiez son orthographe, la connexion au réseau ou le VPN).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/startup.py" line="78"/>
        <source>nothing answers on that port (the server may be stopped, or the port is wrong).</source>
        <translation>rien ne répond sur ce port (le serveur est peut-être arrêté, ou le port est faux).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/startup.py" line="81"/>
        <source>the server did not answer (check the network connection, a firewall or the VPN).</source>
        <translation>le serveur n’a pas répondu (vérifiez la connexion au réseau, un pare-feu ou le VPN).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/startup.py" line="84"/>
        <source>the server refused the user name or password.</source>
        <translation>le serveur a refusé le nom d’utilisateur ou le mot de passe.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/startup.py" line="86"/>
        <source>the server has no database of that name.</source>
        <translation>le serveur n’a pas de base de données de ce nom.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/startup.py" line="88"/>
        <source>no database server runs on this computer’s socket.</source>
        <translation>aucun serveur de base de données ne fonctionne sur le socket de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/startup.py" line="93"/>
        <source>the connection failed.</source>
        <translation>la connexion a échoué.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/startup.py" line="125"/>
        <source>{file} does not exist (any more).</source>
        <translation>{file} n’existe pas (ou plus).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/startup.py" line="127"/>
        <source>{file} is a folder: choose a database file (.sqlite3).</source>
        <translation>{file} est un dossier&#xa0;: choisissez un fichier de base de données (.sqlite3).</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/startup.py" line="135"/>
        <source>{file} is not a database: MCIM Desk opens the SQLite files (.sqlite3) it writes. Nothing was changed.</source>
        <translation>{file} n’est pas une base de données&#xa0;: MCIM Desk ouvre les fichiers SQLite (.sqlite3) qu’il écrit. Rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/startup.py" line="139"/>
        <source>{file} is a SQLite database of another program, not of MCIM Desk. Nothing was changed.</source>
        <translation>{file} est une base SQLite d’un autre programme, pas de MCIM Desk. Rien n’a été modifié.</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <location filename="../../mcim_desk/files.py" line="44"/>
        <source>{path} could not be read or written.</source>
        <translation>{path} n’a pu être ni lu ni écrit.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/files.py" line="51"/>
        <source>The disk holding {folder} is full: nothing could be written there. Free some space (or choose another folder) and try again.</source>
        <translation>Le disque qui contient {folder} est plein&#xa0;: rien n’a pu y être écrit. Libérez de la place (ou choisissez un autre dossier) et réessayez.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/files.py" line="59"/>
        <source>{path} is read-only (the file or its folder cannot be written): it is open for reading only and nothing can be saved in it. To change it, copy it to a folder you can write to.</source>
        <translation>{path} est en lecture seule (le fichier ou son dossier ne peut pas être modifié)&#xa0;: la base est ouverte en lecture seule et rien ne peut y être enregistré. Pour la modifier, copiez-la dans un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/files.py" line="68"/>
        <source>Another program is writing to {path} and has held it for more than {seconds} seconds: nothing was saved. Try again once it has finished, or close it.</source>
        <translation>Un autre programme écrit dans {path} et le bloque depuis plus de {seconds}&#xa0;secondes&#xa0;: rien n’a été enregistré. Réessayez quand il aura fini, ou fermez-le.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/files.py" line="77"/>
        <source>Reading or writing {path} failed ({detail}): the disk may be full, removed or failing.</source>
        <translation>La lecture ou l’écriture de {path} a échoué ({detail})&#xa0;: le disque est peut-être plein, retiré ou défaillant.</translation>
    </message>
</context>
<context>
    <name>SubmissionsImport</name>
    <message>
        <location filename="../../mcim_desk/ui/submissions_import.py" line="125"/>
        <source>Submissions read ({layout}): {total}; created: {created}, updated: {updated}, unchanged: {unchanged}.</source>
        <translation>Soumissions lues ({layout})&#xa0;: {total}&#xa0;; créées&#xa0;: {created}, mises à jour&#xa0;: {updated}, inchangées&#xa0;: {unchanged}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/submissions_import.py" line="131"/>
        <source>Kept as typed, to correct (the response stays a draft): submission {number}, “{key}”: {problem}</source>
        <translation>Conservée telle que saisie, à corriger (la réponse reste un brouillon)&#xa0;: soumission {number}, «&#xa0;{key}&#xa0;»&#xa0;: {problem}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/submissions_import.py" line="135"/>
        <source>Response {id} is a second questionnaire for its mechanism in this round (the other one is {other}); both are kept.</source>
        <translation>La réponse {id} est un second questionnaire pour son mécanisme dans ce cycle (l’autre est {other})&#xa0;; les deux sont conservés.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/submissions_import.py" line="154"/>
        <source>Import Kobo / ODK JSON</source>
        <translation>Importer du JSON Kobo / ODK</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/submissions_import.py" line="155"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>Fichiers JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/submissions_import.py" line="169"/>
        <source>Which form?</source>
        <translation>Quel formulaire&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/submissions_import.py" line="170"/>
        <source>{problem}

Which form are these submissions of?</source>
        <translation>{problem}

De quel formulaire ces soumissions relèvent-elles&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/submissions_import.py" line="179"/>
        <source>Submissions imported</source>
        <translation>Soumissions importées</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/submissions_import.py" line="192"/>
        <source>{file}: the import failed ({error}); nothing was changed.</source>
        <translation>{file}&#xa0;: l’import a échoué ({error})&#xa0;; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/submissions_import.py" line="195"/>
        <source>Submissions not imported</source>
        <translation>Soumissions non importées</translation>
    </message>
</context>
</TS>
