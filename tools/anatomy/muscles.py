"""Muscle table of the atlas: stable ids (stored in medical records: never rename),
display names, body segment, hazard flags and caution texts (DOMAIN.md safety zones)."""

from __future__ import annotations

PLEURA = ("Pleura may lie within reach of the needle here: record depth; "
          "do not needle both sides of the thorax in one session.")

# id, display name, segment, hazards, caution
MUSCLES: list[tuple[str, str, str, list[str], str | None]] = [
    # head and neck
    ("temporalis", "Temporalis", "head/neck", [], None),
    ("masseter", "Masseter", "head/neck", [], None),
    ("lateral_pterygoid", "Lateral pterygoid", "head/neck", [],
     "Needled through the mandibular notch; maxillary artery nearby: short needle, slow."),
    ("medial_pterygoid", "Medial pterygoid", "head/neck", [], None),
    ("sternocleidomastoid_sternal", "Sternocleidomastoid, sternal head", "head/neck", [],
     "Pincer grip; keep the needle in the muscle belly, away from the carotid sheath."),
    ("sternocleidomastoid_clavicular", "Sternocleidomastoid, clavicular head", "head/neck", [],
     "Pincer grip; keep the needle in the muscle belly, away from the carotid sheath."),
    ("scalenes", "Scalenes", "head/neck", ["thorax"],
     "Lung apex and brachial plexus close by: short needle, record depth; "
     "do not needle both sides of the thorax in one session."),
    ("splenius_capitis", "Splenius capitis", "head/neck", [], None),
    ("splenius_cervicis", "Splenius cervicis", "head/neck", ["thorax"],
     "Lower cervical region: lung apex within reach: aim away from the thorax, record depth."),
    ("suboccipitals", "Suboccipitals", "head/neck", ["spine"],
     "Vertebral artery and spinal cord nearby: direct the needle toward the occiput, "
     "never medially or cranially into the foramen magnum."),
    ("semispinalis_capitis", "Semispinalis capitis", "head/neck", ["spine"],
     "Close to the spine: keep the needle lateral and angled onto the lamina; record depth."),
    ("semispinalis_cervicis", "Semispinalis cervicis", "head/neck", ["spine"],
     "Close to the spine: keep the needle lateral and angled onto the lamina; record depth."),
    ("multifidi_cervical", "Multifidi, cervical", "head/neck", ["spine"],
     "Next to the cervical spine: aim onto the lamina (articular pillar), never medially "
     "into the interlaminar space."),
    ("digastric", "Digastric", "head/neck", [],
     "Anterior belly under the chin is the usual site; the posterior belly lies near the "
     "external carotid artery and the facial nerve: shallow, slow."),
    ("occipitofrontalis", "Occipitofrontalis", "head/neck", [],
     "Thin muscle on bone: a short needle, nearly flat along the skull."),
    ("levator_scapulae", "Levator scapulae", "head/neck", ["thorax"],
     "Near the superior angle the pleura is within reach: needle onto the scapula, "
     "record depth."),
    ("upper_trapezius", "Upper trapezius", "head/neck", ["thorax"],
     "Pleura reachable with 40-60 mm needles: pincer grip, needle toward the fingers, "
     "record depth; not both sides of the thorax in one session."),
    # shoulder girdle
    ("middle_trapezius", "Middle trapezius", "shoulder", ["thorax"],
     "Lies over the thorax: needle tangentially or onto the scapula; " + PLEURA),
    ("lower_trapezius", "Lower trapezius", "shoulder", ["thorax"],
     "Lies over the ribs: needle tangentially, onto a rib; " + PLEURA),
    ("rhomboid_major", "Rhomboid major", "shoulder", ["thorax"],
     "Pleura may lie ~19 mm under rhomboid major: record depth; "
     "do not needle both sides of the thorax in one session."),
    ("rhomboid_minor", "Rhomboid minor", "shoulder", ["thorax"],
     "Pleura lies close under the rhomboids: record depth; "
     "do not needle both sides of the thorax in one session."),
    ("supraspinatus", "Supraspinatus", "shoulder", [], None),
    ("infraspinatus", "Infraspinatus", "shoulder", [], None),
    ("teres_minor", "Teres minor", "shoulder", [], None),
    ("teres_major", "Teres major", "shoulder", [], None),
    ("subscapularis", "Subscapularis", "shoulder", ["thorax"],
     "Approach from the axilla toward the scapula, never toward the chest wall."),
    ("latissimus_dorsi", "Latissimus dorsi", "shoulder", ["thorax"],
     "Pincer grip, needle away from the chest wall; " + PLEURA),
    ("deltoid_anterior", "Deltoid, anterior", "shoulder", [], None),
    ("deltoid_middle", "Deltoid, middle", "shoulder", [], None),
    ("deltoid_posterior", "Deltoid, posterior", "shoulder", [], None),
    ("pectoralis_major", "Pectoralis major", "shoulder", ["thorax"],
     "Pincer grip, needle parallel to the chest wall; " + PLEURA),
    ("pectoralis_minor", "Pectoralis minor", "shoulder", ["thorax"],
     "Needle onto a rib or tangential to the chest wall; " + PLEURA),
    ("serratus_anterior", "Serratus anterior", "shoulder", ["thorax"],
     "Needle onto a rib between two fingers, never into an intercostal space; " + PLEURA),
    # arm, forearm, hand
    ("biceps_brachii", "Biceps brachii", "arm", [], None),
    ("brachialis", "Brachialis", "arm", [], None),
    ("triceps_brachii", "Triceps brachii", "arm", [], None),
    ("coracobrachialis", "Coracobrachialis", "arm", [],
     "Brachial artery and median nerve run alongside: palpate the pulse first."),
    ("brachioradialis", "Brachioradialis", "forearm/hand", [], None),
    ("supinator", "Supinator", "forearm/hand", [],
     "Deep radial nerve passes through it: slow insertion."),
    ("pronator_teres", "Pronator teres", "forearm/hand", [],
     "Median nerve passes between its two heads: slow insertion."),
    ("palmaris_longus", "Palmaris longus", "forearm/hand", [], None),
    ("anconeus", "Anconeus", "forearm/hand", [], None),
    ("extensor_carpi_radialis_longus", "Extensor carpi radialis longus", "forearm/hand", [],
     None),
    ("extensor_carpi_radialis_brevis", "Extensor carpi radialis brevis", "forearm/hand", [],
     None),
    ("flexor_digitorum_profundus", "Flexor digitorum profundus", "forearm/hand", [],
     "Deep to the superficial flexors; ulnar nerve along its medial side: approach from "
     "the ulnar border, lateral to the nerve."),
    # version 1 drew the two radial wrist extensors as one region; kept for its records
    ("extensor_carpi_radialis", "Extensor carpi radialis (longus and brevis)", "forearm/hand",
     [], None),
    ("extensor_carpi_ulnaris", "Extensor carpi ulnaris", "forearm/hand", [], None),
    ("extensor_digitorum", "Extensor digitorum", "forearm/hand", [], None),
    ("flexor_carpi_radialis", "Flexor carpi radialis", "forearm/hand", [], None),
    ("flexor_carpi_ulnaris", "Flexor carpi ulnaris", "forearm/hand", [], None),
    ("flexor_digitorum_superficialis", "Flexor digitorum superficialis", "forearm/hand", [],
     None),
    ("thenar_muscles", "Thenar muscles", "forearm/hand", [], None),
    ("hypothenar_muscles", "Hypothenar muscles", "forearm/hand", [], None),
    ("adductor_pollicis", "Adductor pollicis", "forearm/hand", [], None),
    ("first_dorsal_interosseous", "First dorsal interosseous", "forearm/hand", [], None),
    ("dorsal_interossei", "Dorsal interossei (2nd-4th)", "forearm/hand", [], None),
    ("palmar_interossei", "Palmar interossei", "forearm/hand", [], None),
    # trunk and back
    ("serratus_posterior_superior", "Serratus posterior superior", "trunk", ["thorax"],
     "Lies on the upper ribs under the rhomboids: " + PLEURA),
    ("serratus_posterior_inferior", "Serratus posterior inferior", "trunk", ["thorax"],
     "Lies on ribs 9-12 under latissimus dorsi; the pleura reaches the 12th rib: needle "
     "onto a rib, record depth."),
    ("intercostals", "Intercostals", "trunk", ["thorax"],
     "Pleura lies directly beneath: needle onto the rib only, very shallow; "
     "record depth; not both sides of the thorax in one session."),
    ("iliocostalis", "Iliocostalis", "trunk", ["thorax"],
     "Thoracic part lies over the ribs: angle medially onto a rib; record depth."),
    ("longissimus", "Longissimus", "trunk", ["thorax"],
     "Thoracic part lies over the ribs and pleura: angle toward the transverse process; "
     "record depth."),
    ("multifidi", "Multifidi, lumbar", "trunk", ["spine"],
     "Next to the spine: aim onto the lamina, never into the interlaminar space."),
    ("multifidi_thoracic", "Multifidi, thoracic", "trunk", ["spine", "thorax"],
     "Next to the spine, over the thorax: aim onto the lamina, never into the "
     "interlaminar space or laterally toward the pleura; record depth."),
    ("quadratus_lumborum", "Quadratus lumborum", "trunk", ["abdomen"],
     "Aim at the transverse process; too anterior risks the kidney and peritoneum; "
     "the lower pleura reaches the 12th rib."),
    ("rectus_abdominis", "Rectus abdominis", "trunk", ["abdomen"],
     "Peritoneum beneath: pincer grip, tangential needle, record depth."),
    ("external_oblique", "Obliques (external oblique)", "trunk", ["abdomen"],
     "Peritoneum beneath: pincer grip, tangential needle, record depth."),
    ("internal_oblique", "Internal oblique", "trunk", ["abdomen"],
     "Deep to the external oblique, the peritoneum beneath: pincer grip, tangential needle, "
     "record depth."),
    # hip and pelvis
    ("gluteus_maximus", "Gluteus maximus", "hip", [], None),
    ("gluteus_medius", "Gluteus medius", "hip", [], None),
    ("gluteus_minimus", "Gluteus minimus", "hip", [], None),
    ("piriformis", "Piriformis", "hip", [],
     "Sciatic nerve passes below (sometimes through) it: stop if the patient feels "
     "an electric sensation."),
    ("iliopsoas", "Iliopsoas", "hip", ["anterior_hip"],
     "Femoral nerve, artery and vein lie medially: palpate the pulse, needle lateral to it."),
    ("tensor_fasciae_latae", "Tensor fasciae latae", "hip", [], None),
    # thigh
    ("rectus_femoris", "Rectus femoris", "thigh", [], None),
    ("vastus_medialis", "Vastus medialis", "thigh", [], None),
    ("vastus_intermedius", "Vastus intermedius", "thigh", [], None),
    ("vastus_lateralis", "Vastus lateralis", "thigh", [], None),
    ("adductor_longus", "Adductor longus", "thigh", [],
     "Femoral vessels lie laterally in the femoral triangle."),
    ("adductor_brevis", "Adductor brevis", "thigh", [],
     "Deep to pectineus and adductor longus; femoral vessels lie anterolateral: palpate "
     "the pulse, needle medial to it."),
    ("pectineus", "Pectineus", "thigh", ["anterior_hip"],
     "Floor of the femoral triangle: femoral artery and vein lie directly lateral: palpate "
     "the pulse, needle medial to it."),
    ("adductor_magnus", "Adductor magnus", "thigh", [], None),
    ("gracilis", "Gracilis", "thigh", [], None),
    ("sartorius", "Sartorius", "thigh", [], None),
    ("biceps_femoris", "Biceps femoris", "thigh", [], None),
    ("semitendinosus", "Semitendinosus", "thigh", [], None),
    ("semimembranosus", "Semimembranosus", "thigh", [], None),
    # leg and foot
    ("gastrocnemius", "Gastrocnemius", "leg/foot", [], None),
    ("plantaris", "Plantaris", "leg/foot", [],
     "Belly in the lateral popliteal fossa: popliteal vessels and tibial nerve lie medial; "
     "approach from lateral."),
    ("popliteus", "Popliteus", "leg/foot", [],
     "Popliteal artery and tibial nerve run over it in the fossa: approach from the medial "
     "side of the tibia, never through the middle of the fossa."),
    ("soleus", "Soleus", "leg/foot", [], None),
    ("tibialis_anterior", "Tibialis anterior", "leg/foot", [], None),
    ("tibialis_posterior", "Tibialis posterior", "leg/foot", [],
     "Deep: tibial nerve and posterior tibial vessels close by."),
    ("fibularis_longus", "Fibularis (peroneus) longus", "leg/foot", [],
     "Common fibular nerve winds round the fibular neck: stay distal to it."),
    ("fibularis_brevis", "Fibularis (peroneus) brevis", "leg/foot", [], None),
    ("extensor_digitorum_longus", "Extensor digitorum longus", "leg/foot", [], None),
    ("extensor_hallucis_longus", "Extensor hallucis longus", "leg/foot", [], None),
    ("flexor_digitorum_longus", "Flexor digitorum longus", "leg/foot", [], None),
    ("flexor_hallucis_longus", "Flexor hallucis longus", "leg/foot", [], None),
    ("extensor_digitorum_brevis", "Extensor digitorum brevis", "leg/foot", [], None),
    ("abductor_hallucis", "Abductor hallucis", "leg/foot", [], None),
    ("quadratus_plantae", "Quadratus plantae", "leg/foot", [], None),
    ("flexor_digitorum_brevis", "Flexor digitorum brevis", "leg/foot", [], None),
    ("abductor_digiti_minimi", "Abductor digiti minimi (foot)", "leg/foot", [], None),
    ("flexor_hallucis_brevis", "Flexor hallucis brevis", "leg/foot", [], None),
    ("adductor_hallucis", "Adductor hallucis", "leg/foot", [], None),
    # dorsal and plantar interossei of the foot as one: clinicians needle them together,
    # from the dorsum between the metatarsal shafts
    ("foot_interossei", "Interossei of the foot (dorsal and plantar)", "leg/foot", [], None),
]
